package enrich

import (
	"fmt"
	"sort"

	"go.yaml.in/yaml/v3"
)

// Vocabulary is a site's table of canonical names: each alias maps to its canonical form, and
// banned names are never used. The same shape serves tags (data/tags.yaml) and authors
// (data/authors.yaml).
type Vocabulary struct {
	aliases map[string]string // folded alias -> canonical form
	banned  map[string]bool   // folded names
}

// vocabularyFile is the YAML layout of a vocabulary file:
//
//	aliases:
//	  Haut-Karabakh: [Karabakh, Artsakh]
//	ban: [Se Propager]
type vocabularyFile struct {
	Aliases map[string][]string `yaml:"aliases"`
	Ban     []string            `yaml:"ban"`
}

// ParseVocabulary reads a vocabulary file; name is used in errors only.
func ParseVocabulary(name string, data []byte) (*Vocabulary, error) {
	var f vocabularyFile
	if err := yaml.Unmarshal(data, &f); err != nil {
		return nil, fmt.Errorf("failed to read %q: %w", name, err)
	}
	v := &Vocabulary{aliases: map[string]string{}, banned: map[string]bool{}}
	canon := make([]string, 0, len(f.Aliases))
	for c := range f.Aliases {
		canon = append(canon, c)
	}
	sort.Strings(canon)
	for _, c := range canon {
		c2 := squash(c)
		if key(c2) == "" {
			return nil, fmt.Errorf("failed to read %q: empty canonical name", name)
		}
		v.aliases[key(c2)] = c2
		for _, a := range f.Aliases[c] {
			k := key(a)
			if k == "" {
				continue
			}
			if prev, ok := v.aliases[k]; ok && prev != c2 && key(prev) != k {
				return nil, fmt.Errorf("failed to read %q: %q is an alias of both %q and %q", name, a, prev, c2)
			}
			v.aliases[k] = c2
		}
	}
	for _, b := range f.Ban {
		if k := key(b); k != "" {
			v.banned[k] = true
		}
	}
	return v, nil
}

// NewVocabulary builds a vocabulary from a map of canonical names to their aliases and a list
// of banned names.
func NewVocabulary(aliases map[string][]string, ban []string) *Vocabulary {
	v := &Vocabulary{aliases: map[string]string{}, banned: map[string]bool{}}
	for c, as := range aliases {
		v.aliases[key(c)] = c
		for _, a := range as {
			v.aliases[key(a)] = c
		}
	}
	for _, b := range ban {
		v.banned[key(b)] = true
	}
	return v
}

// Canonical returns the canonical form of name and whether the vocabulary knows it.
func (v *Vocabulary) Canonical(name string) (string, bool) {
	if v == nil {
		return name, false
	}
	c, ok := v.aliases[key(name)]
	if !ok {
		return name, false
	}
	return c, true
}

// Banned reports whether name must never be used.
func (v *Vocabulary) Banned(name string) bool {
	return v != nil && v.banned[key(name)]
}
