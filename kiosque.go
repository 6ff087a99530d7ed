// Package kiosque holds the defaults that ship inside the kiosque binary: the bundled Hugo
// theme and the archetypes a writer's new article starts from.
package kiosque

import (
	"embed"
	"io/fs"
)

//go:embed all:theme
var themeFiles embed.FS

//go:embed all:archetypes
var archetypeFiles embed.FS

// ThemeName is the name under which the bundled theme is mounted in a site (themes/<ThemeName>).
const ThemeName = "kiosque"

// Theme returns the bundled theme, rooted at the theme folder (layouts/, i18n/, assets/ ...).
func Theme() fs.FS {
	sub, err := fs.Sub(themeFiles, "theme")
	if err != nil {
		panic(err) // the embed pattern guarantees the folder
	}
	return sub
}

// Archetypes returns the bundled archetypes, rooted at the archetypes folder.
func Archetypes() fs.FS {
	sub, err := fs.Sub(archetypeFiles, "archetypes")
	if err != nil {
		panic(err)
	}
	return sub
}
