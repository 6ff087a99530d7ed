package lang

import "time"

// spanish is the table of Spanish-language sites: a third language is only a table.
func spanish() *Table {
	return &Table{
		Code: "es",
		StopWords: `el los las del y que en un una por con no su para es al lo como más pero sus le ya o
			este sí porque esta entre cuando muy sin sobre también me hasta hay donde quien desde todo
			nos durante todos uno les ni contra otros ese eso ante ellos e esto mí antes algunos qué fue`,
		Months: map[string]time.Month{
			"enero": 1, "ene": 1, "febrero": 2, "marzo": 3, "abril": 4, "abr": 4, "mayo": 5, "junio": 6,
			"julio": 7, "agosto": 8, "ago": 8, "septiembre": 9, "setiembre": 9, "octubre": 10,
			"noviembre": 11, "diciembre": 12, "dic": 12,
		},
		Weekdays:      `lunes martes miércoles jueves viernes sábado domingo`,
		DateWords:     `publicado publicada actualizado actualizada el de del a las`,
		UpdateWords:   []string{"actualizado", "actualizada"},
		BylineWords:   []string{"Por", "POR"},
		Honorifics:    `sr sra srta dra`,
		NameParticles: `de del la las los y`,
		NewsroomNouns: `redacción`,
		Connectors:    `de del la las los`,
		NameHeads: `unión tribunal cámara consejo ministerio ministro banco asamblea comisión parlamento
			agencia fondo organización autoridad comité federación instituto centro caja presidente
			partido gobierno`,
		Complements:  `de del`,
		Conjunctions: `y e`,
		LowerHeads:   map[string]string{"ministerio": "ministerio", "ministro": "ministerio", "ministra": "ministerio"},
		Titles:       `presidente presidenta`,
		Accounts:     `admin administrador`,
		Pronouns:     `yo ella nosotros vosotros ellos ellas`,
		BioVerbs:     `es escribe vive trabaja enseña`,
		PageWords:    []string{"Página"},
		Agencies:     []string{"EFE", "Europa Press"},
		Cues: Cues{
			RelatedHeadings: []string{"Noticias relacionadas", "Te puede interesar", "Lee también", "Más noticias", "Artículos relacionados", "También te puede interesar"},
			RelatedPrefixes: []string{"Lo último de", "Más noticias de", "Más de"},
			InlineRelated:   []string{"Lee también", "Lea también", "Te puede interesar", "Relacionado"},
			PostLinks:       []string{"Artículo anterior", "Artículo siguiente", "Entrada anterior", "Entrada siguiente"},
			Furniture: map[string][]string{
				Share:      {"Compartir", "Compartir en Facebook", "Compartir en Twitter"},
				Comments:   {"Comentarios", "Deja un comentario"},
				Navigation: {"Inicio", "Buscar", "Portada"},
				Login:      {"Iniciar sesión", "Registrarse"},
				Truncation: {"Leer más", "Seguir leyendo"},
				Ad:         {"Publicidad"},
				Agency:     {"EFE", "(EFE)", "Europa Press"},
			},
			Prefixes: map[string][]string{
				PhotoCredit: {"Foto:", "Fotos:", "Imagen:"},
				Source:      {"Fuente:"},
			},
			CommentVerbs: []string{"dijo...", "dijo:", "dice:", "escribió:", "comentó:"},
		},
	}
}
