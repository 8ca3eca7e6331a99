// Package gazette holds what the gazette binary embeds: the default theme.
// The generator itself lives under internal/, one package per stage, and
// the command in cmd/gazette.
package gazette

import (
	"embed"
	"io/fs"
)

// The all: prefix embeds static/_headers too: a plain pattern skips names
// that start with "_" or ".", and the site's security headers (the
// Content-Security-Policy for Netlify and Cloudflare Pages) were silently
// never published.
//
//go:embed all:themes/default
var themes embed.FS

// DefaultTheme returns the default theme's files: layouts/*.html and
// static/**.
func DefaultTheme() fs.FS {
	sub, err := fs.Sub(themes, "themes/default")
	if err != nil {
		panic(err) // the embed pattern above guarantees the folder
	}
	return sub
}
