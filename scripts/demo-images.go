//go:build ignore

// Command demo-images draws the pictures of the demo site: flat, made-up scenes of the
// fictional town of Valmont (a bridge, a harbour, a flood, a market...), drawn here with Go's
// image packages, so that the demo shows what the theme does with pictures and holds none
// that the project did not make. It writes each scene as DIR/NAME.jpg:
//
//	go run scripts/demo-images.go DIR
//
// Copy a scene into an article's folder as cover.jpg to make it the article's lead image.
package main

import (
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/jpeg"
	"math"
	"os"
	"path/filepath"

	"golang.org/x/image/vector"
)

const w, h = 1600, 900

// canvas is a picture being drawn, with a few shapes in flat colours.
type canvas struct{ img *image.RGBA }

func newCanvas() *canvas { return &canvas{image.NewRGBA(image.Rect(0, 0, w, h))} }

// sky fills the rows from y0 to y1 with a vertical gradient from top to bottom.
func (c *canvas) sky(y0, y1 int, top, bottom color.RGBA) {
	for y := y0; y < y1; y++ {
		t := float64(y-y0) / float64(max(1, y1-y0-1))
		col := mix(top, bottom, t)
		for x := 0; x < w; x++ {
			c.img.SetRGBA(x, y, col)
		}
	}
}

// poly fills a polygon given as x, y pairs.
func (c *canvas) poly(col color.RGBA, pts ...float64) {
	r := vector.NewRasterizer(w, h)
	r.MoveTo(float32(pts[0]), float32(pts[1]))
	for i := 2; i+1 < len(pts); i += 2 {
		r.LineTo(float32(pts[i]), float32(pts[i+1]))
	}
	r.ClosePath()
	r.Draw(c.img, c.img.Bounds(), image.NewUniform(col), image.Point{})
}

func (c *canvas) rect(col color.RGBA, x0, y0, x1, y1 float64) {
	c.poly(col, x0, y0, x1, y0, x1, y1, x0, y1)
}

// ellipse fills an ellipse, or the part of it between the angles a0 and a1 (radians, with
// the centre as a vertex when it is not whole).
func (c *canvas) ellipse(col color.RGBA, cx, cy, rx, ry, a0, a1 float64) {
	var pts []float64
	whole := a1-a0 >= 2*math.Pi
	if !whole {
		pts = append(pts, cx, cy)
	}
	for i := 0; i <= 96; i++ {
		a := a0 + (a1-a0)*float64(i)/96
		pts = append(pts, cx+rx*math.Cos(a), cy+ry*math.Sin(a))
	}
	c.poly(col, pts...)
}

func (c *canvas) circle(col color.RGBA, cx, cy, r float64) {
	c.ellipse(col, cx, cy, r, r, 0, 2*math.Pi)
}

// hills draws a range of soft hills along the baseline y.
func (c *canvas) hills(col color.RGBA, y, amp, freq, phase float64) {
	pts := []float64{0, h}
	for x := 0.0; x <= w; x += 20 {
		pts = append(pts, x, y-amp*(0.6+0.4*math.Sin(x*freq+phase))*(0.7+0.3*math.Sin(x*freq*2.3+phase)))
	}
	pts = append(pts, w, h)
	c.poly(col, pts...)
}

// water draws a band of water with light ripples.
func (c *canvas) water(y0, y1 float64, deep, light color.RGBA) {
	c.rect(deep, 0, y0, w, y1)
	for i := 0; i < 60; i++ {
		x := float64((i * 277) % w)
		y := y0 + float64((i*131)%int(y1-y0))
		c.rect(light, x, y, x+60+float64(i%5)*20, y+3)
	}
}

// house draws a house with a pitched roof and windows.
func (c *canvas) house(x, base, width, height float64, wall, roof color.RGBA) {
	c.rect(wall, x, base-height, x+width, base)
	c.poly(roof, x-10, base-height, x+width/2, base-height-width*0.45, x+width+10, base-height)
	win := rgb(60, 70, 90)
	for wx := x + width*0.15; wx < x+width*0.8; wx += width * 0.35 {
		c.rect(win, wx, base-height*0.75, wx+width*0.18, base-height*0.5)
	}
}

func rgb(r, g, b uint8) color.RGBA { return color.RGBA{r, g, b, 255} }

func mix(a, b color.RGBA, t float64) color.RGBA {
	m := func(x, y uint8) uint8 { return uint8(float64(x) + (float64(y)-float64(x))*t) }
	return color.RGBA{m(a.R, b.R), m(a.G, b.G), m(a.B, b.B), 255}
}

// The scenes, by file name.
var scenes = map[string]func(c *canvas){
	// The Tanneurs bridge: stone arches over the river, the town behind.
	"pont": func(c *canvas) {
		c.sky(0, 560, rgb(250, 196, 140), rgb(255, 236, 200))
		c.circle(rgb(255, 246, 220), 1240, 250, 70)
		c.hills(rgb(170, 150, 150), 520, 120, 0.004, 1)
		for i := 0; i < 9; i++ {
			c.house(120+float64(i)*150, 560, 110, 90+float64(i%3)*30, rgb(232, 214, 190), rgb(170, 80, 60))
		}
		c.water(560, h, rgb(70, 110, 150), rgb(150, 185, 210))
		stone := rgb(160, 140, 120)
		c.rect(stone, 0, 470, w, 540)
		for _, x := range []float64{300, 800, 1300} {
			c.ellipse(rgb(70, 110, 150), x, 620, 190, 120, math.Pi, 2*math.Pi)
			c.rect(stone, x+190, 540, x+310, 700)
		}
		c.rect(stone, 0, 540, 110, 700)
	},
	// The harbour of Port-Aubrac: trawlers at the quay, gulls.
	"port": func(c *canvas) {
		c.sky(0, 520, rgb(120, 170, 220), rgb(210, 230, 245))
		c.water(520, h, rgb(30, 80, 120), rgb(110, 160, 190))
		c.rect(rgb(120, 110, 100), 0, 780, w, h)
		for i, x := range []float64{140, 520, 900, 1260} {
			hull := []color.RGBA{rgb(180, 40, 40), rgb(40, 90, 160), rgb(230, 230, 230), rgb(60, 130, 80)}[i]
			c.poly(hull, x, 600, x+300, 600, x+260, 690, x+40, 690)
			c.rect(rgb(240, 240, 235), x+90, 530, x+190, 600)
			c.rect(rgb(70, 70, 70), x+140, 380, x+150, 530)
			c.poly(rgb(250, 250, 245), x+150, 390, x+150, 520, x+250, 520)
		}
		for i := 0; i < 6; i++ {
			x, y := 300+float64(i)*190, 160+float64(i%3)*50
			c.poly(rgb(60, 60, 70), x, y, x+30, y-14, x+60, y, x+30, y-6)
		}
	},
	// The Sélève in flood: grey sky, rain, houses in the water.
	"crue": func(c *canvas) {
		c.sky(0, 600, rgb(110, 120, 130), rgb(180, 186, 190))
		c.hills(rgb(120, 140, 120), 470, 80, 0.003, 2)
		for i := 0; i < 6; i++ {
			c.house(100+float64(i)*250, 640, 170, 150, rgb(220, 210, 195), rgb(120, 70, 60))
		}
		c.water(560, h, rgb(120, 100, 70), rgb(160, 140, 110))
		for i := 0; i < 140; i++ {
			x, y := float64((i*97)%w), float64((i*53)%560)
			c.poly(rgb(200, 206, 212), x, y, x+3, y, x-12, y+40, x-15, y+40)
		}
	},
	// The river beach of Bellerive, closed: a red and white sign on the bank.
	"baignade": func(c *canvas) {
		c.sky(0, 500, rgb(90, 160, 230), rgb(190, 225, 250))
		c.circle(rgb(255, 240, 170), 280, 160, 80)
		c.hills(rgb(90, 150, 90), 460, 70, 0.005, 0.5)
		c.water(480, 700, rgb(50, 120, 150), rgb(140, 200, 220))
		c.rect(rgb(230, 210, 160), 0, 700, w, h)
		c.rect(rgb(90, 70, 50), 1080, 480, 1100, 760)
		c.circle(rgb(200, 30, 30), 1090, 440, 110)
		c.circle(rgb(250, 250, 250), 1090, 440, 85)
		c.poly(rgb(200, 30, 30), 1020, 390, 1040, 370, 1160, 490, 1140, 510)
	},
	// The reading room of the Bellerive library: shelves of coloured spines.
	"mediatheque": func(c *canvas) {
		c.sky(0, h, rgb(240, 232, 218), rgb(222, 210, 190))
		colours := []color.RGBA{rgb(160, 40, 40), rgb(40, 80, 140), rgb(200, 160, 40), rgb(50, 120, 80), rgb(120, 60, 120), rgb(220, 120, 50)}
		for shelf := 0; shelf < 4; shelf++ {
			y := 150 + float64(shelf)*180
			c.rect(rgb(130, 90, 60), 80, y+140, 1520, y+160)
			x := 100.0
			for i := 0; x < 1500; i++ {
				bw := 24 + float64((i*7+shelf*3)%5)*8
				bh := 100 + float64((i*11+shelf)%4)*10
				c.rect(colours[(i+shelf)%len(colours)], x, y+140-bh, x+bw, y+140)
				x += bw + 4
			}
		}
	},
	// The jazz festival of Montclair at night: a stage under spotlights.
	"jazz": func(c *canvas) {
		c.sky(0, h, rgb(20, 20, 50), rgb(60, 30, 80))
		for i, x := range []float64{300, 800, 1300} {
			beam := []color.RGBA{rgb(120, 100, 60), rgb(100, 70, 110), rgb(70, 100, 120)}[i]
			c.poly(beam, x-20, 0, x+20, 0, x+220, 620, x-220, 620)
		}
		c.rect(rgb(90, 50, 30), 150, 620, 1450, 700)
		for i, x := range []float64{420, 700, 980, 1200} {
			c.circle(rgb(15, 15, 25), x, 470, 38)
			c.poly(rgb(15, 15, 25), x-60, 620, x-40, 510, x+40, 510, x+60, 620)
			if i == 1 {
				c.poly(rgb(210, 170, 60), x+40, 520, x+120, 470, x+140, 500, x+60, 560)
			}
		}
		for i := 0; i < 40; i++ {
			c.circle(rgb(10, 10, 20), float64(40+i*40), 820+float64(i%3)*20, 45)
		}
	},
	// The covered market: striped awnings over the stalls.
	"marche": func(c *canvas) {
		c.sky(0, h, rgb(235, 225, 205), rgb(215, 200, 175))
		c.poly(rgb(150, 110, 80), 0, 200, w/2, 40, w, 200)
		for i := 0; i < 5; i++ {
			x := 60 + float64(i)*300
			for s := 0; s < 6; s++ {
				col := rgb(200, 50, 50)
				if s%2 == 1 {
					col = rgb(250, 245, 235)
				}
				c.poly(col, x+float64(s)*40, 330, x+float64(s+1)*40, 330, x+float64(s+1)*40+10, 420, x+float64(s)*40+10, 420)
			}
			c.rect(rgb(140, 100, 60), x+10, 420, x+250, 600)
			for f := 0; f < 8; f++ {
				fruit := []color.RGBA{rgb(240, 150, 40), rgb(120, 170, 50), rgb(200, 40, 60)}[(f+i)%3]
				c.circle(fruit, x+35+float64(f)*28, 410, 16)
			}
		}
		c.rect(rgb(160, 150, 135), 0, 600, w, h)
	},
	// The vineyards of Miraval at harvest: rows on the hillside, a low sun.
	"vendanges": func(c *canvas) {
		c.sky(0, h, rgb(255, 190, 120), rgb(255, 230, 180))
		c.circle(rgb(255, 245, 210), 1200, 300, 90)
		c.hills(rgb(170, 140, 70), 480, 160, 0.0025, 3)
		for r := 0; r < 12; r++ {
			y := 500 + float64(r)*34
			c.poly(rgb(70, 110, 40), 0, y, w, y-60, w, y-44, 0, y+16)
		}
	},
	// A printing press: rolls of paper and a fresh front page.
	"imprimerie": func(c *canvas) {
		c.sky(0, h, rgb(70, 75, 85), rgb(40, 42, 50))
		for i, x := range []float64{260, 620, 980} {
			c.circle(rgb(235, 232, 222), x, 420, 150)
			c.circle(rgb(150, 150, 150), x, 420, 30)
			if i < 2 {
				c.rect(rgb(235, 232, 222), x, 540, x+360, 570)
			}
		}
		c.poly(rgb(250, 248, 240), 1150, 200, 1500, 230, 1460, 760, 1110, 730)
		c.rect(rgb(30, 30, 30), 1180, 260, 1440, 300)
		for l := 0; l < 12; l++ {
			c.rect(rgb(150, 150, 150), 1175, 330+float64(l)*30, 1420, 340+float64(l)*30)
		}
		c.rect(rgb(90, 70, 60), 0, 760, w, h)
	},
	// The town hall of Valmont: columns, steps and a flag.
	"mairie": func(c *canvas) {
		c.sky(0, h, rgb(140, 190, 235), rgb(215, 235, 250))
		c.rect(rgb(236, 226, 205), 300, 300, 1300, 700)
		c.poly(rgb(200, 190, 170), 260, 300, 800, 150, 1340, 300)
		for i := 0; i < 6; i++ {
			x := 360 + float64(i)*165
			c.rect(rgb(250, 245, 235), x, 330, x+50, 680)
		}
		for s := 0; s < 4; s++ {
			c.rect(rgb(210, 200, 185), 260-float64(s)*30, 700+float64(s)*25, 1340+float64(s)*30, 725+float64(s)*25)
		}
		c.rect(rgb(80, 80, 80), 796, 60, 804, 160)
		c.rect(rgb(40, 60, 150), 804, 60, 840, 100)
		c.rect(rgb(250, 250, 250), 840, 60, 876, 100)
		c.rect(rgb(200, 30, 40), 876, 60, 912, 100)
		c.rect(rgb(150, 150, 140), 0, 800, w, h)
	},
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: go run scripts/demo-images.go DIR")
		os.Exit(2)
	}
	dir := os.Args[1]
	if err := os.MkdirAll(dir, 0o755); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	for name, draw := range scenes {
		c := newCanvas()
		draw(c)
		if err := write(filepath.Join(dir, name+".jpg"), c.img); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
}

func write(name string, img draw.Image) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	if err := jpeg.Encode(f, img, &jpeg.Options{Quality: 82}); err != nil {
		f.Close()
		return fmt.Errorf("failed to encode %q: %w", name, err)
	}
	return f.Close()
}
