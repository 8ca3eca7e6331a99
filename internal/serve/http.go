package serve

import (
	"bytes"
	_ "embed"
	"fmt"
	"html"
	"mime"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"

	"gazette/internal/diag"
	"gazette/internal/english"
)

//go:embed reload.js
var reloadJS []byte

const (
	prefix     = "/_gazette/"
	scriptPath = prefix + "reload.js"
	eventsPath = prefix + "events"
)

// ServeHTTP serves the current build.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	h := w.Header()
	h.Set("Cache-Control", "no-store") // a rebuilt page must never come from the cache
	h.Set("X-Content-Type-Options", "nosniff")
	switch r.URL.Path {
	case scriptPath:
		s.serveFile(w, r, "reload.js", reloadJS, http.StatusOK)
		return
	case eventsPath:
		s.events(w, r)
		return
	}
	files, failed, version := s.snapshot()
	name, ok := clean(r.URL.Path)
	data, found := files[name]
	if ok && !found {
		if _, dir := files[name+"/index.html"]; dir {
			// As static hosts do: /cities/mosul → /cities/mosul/.
			http.Redirect(w, r, r.URL.Path+"/", http.StatusFound)
			return
		}
	}
	if failed != nil && (!found || isHTML(name)) {
		s.serveFile(w, r, "error.html", inject(errorPage(failed, s.opts.Dir), version), http.StatusInternalServerError)
		return
	}
	if !ok || !found {
		page, has := files["404.html"]
		if !has {
			page = []byte("<!DOCTYPE html><title>Not found</title><h1>Not found</h1>")
		}
		s.serveFile(w, r, "404.html", inject(page, version), http.StatusNotFound)
		return
	}
	if isHTML(name) {
		data = inject(data, version)
	}
	s.serveFile(w, r, name, data, http.StatusOK)
}

func (s *Server) serveFile(w http.ResponseWriter, r *http.Request, name string, data []byte, status int) {
	w.Header().Set("Content-Type", contentType(name, data))
	if status == http.StatusOK {
		// Ranges, HEAD and conditional requests, as a static host does.
		http.ServeContent(w, r, name, time.Time{}, bytes.NewReader(data))
		return
	}
	w.Header().Set("Content-Length", fmt.Sprint(len(data)))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(data)
	}
}

func isHTML(name string) bool { return strings.HasSuffix(name, ".html") }

// types are the content types of the files a site holds, fixed here so they
// do not depend on the machine's mime.types.
var types = map[string]string{
	".html":    "text/html; charset=utf-8",
	".css":     "text/css; charset=utf-8",
	".js":      "text/javascript; charset=utf-8",
	".json":    "application/json",
	".geojson": "application/geo+json",
	".xml":     "application/xml",
	".txt":     "text/plain; charset=utf-8",
	".csv":     "text/csv; charset=utf-8",
	".svg":     "image/svg+xml",
	".png":     "image/png",
	".jpg":     "image/jpeg",
	".jpeg":    "image/jpeg",
	".gif":     "image/gif",
	".webp":    "image/webp",
	".avif":    "image/avif",
	".ico":     "image/x-icon",
	".pdf":     "application/pdf",
	".woff2":   "font/woff2",
	".woff":    "font/woff",
}

func contentType(name string, data []byte) string {
	ext := strings.ToLower(path.Ext(name))
	if t, ok := types[ext]; ok {
		return t
	}
	if path.Base(name) == "feed.xml" || strings.HasSuffix(name, ".atom") {
		return "application/atom+xml"
	}
	if t := mime.TypeByExtension(ext); t != "" {
		return t
	}
	return http.DetectContentType(data)
}

// inject adds the reload script to an HTML page, before </body>.
func inject(page []byte, version string) []byte {
	tag := `<script src="` + scriptPath + `?v=` + version + `" defer></script>`
	i := bytes.LastIndex(bytes.ToLower(page), []byte("</body>"))
	if i < 0 {
		i = len(page)
	}
	out := make([]byte, 0, len(page)+len(tag)+1)
	out = append(out, page[:i]...)
	out = append(out, tag...)
	out = append(out, '\n')
	return append(out, page[i:]...)
}

// events streams server-sent events: one "build" event with the current
// version when the browser connects, and one each time it changes. The
// reload script compares it with the version its page was served at.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	w.WriteHeader(http.StatusOK)
	fmt.Fprint(w, "retry: 500\n\n") // after a restart, reconnect quickly
	keepalive := time.NewTicker(20 * time.Second)
	defer keepalive.Stop()
	for {
		version, changed := s.version()
		fmt.Fprintf(w, "event: build\ndata: %s\n\n", version)
		flusher.Flush()
	wait:
		select {
		case <-changed:
		case <-keepalive.C:
			fmt.Fprint(w, ": keepalive\n\n")
			flusher.Flush()
			goto wait
		case <-r.Context().Done():
			return
		case <-s.done:
			return
		}
	}
}

// errorPage lists the problems of a failed build, each with its source
// line, read from the project.
func errorPage(f *failure, project string) []byte {
	var b bytes.Buffer
	b.WriteString(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Build failed · gazette serve</title>
<style>
body { font: 16px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #1a1a1a; background: #fff; }
h1 { color: #b00020; font-size: 1.5rem; }
ol { padding: 0; list-style: none; }
li { margin: 0 0 1.25rem; }
pre { margin: .25rem 0 0; padding: .5rem .75rem; background: #f4f4f4; overflow-x: auto; font-size: .9rem; }
.pos { font-family: ui-monospace, monospace; font-weight: bold; }
.error { color: #b00020; } .warning { color: #8a5a00; }
@media (prefers-color-scheme: dark) { body { color: #eee; background: #161616; } pre { background: #262626; } h1, .error { color: #ff6b81; } .warning { color: #f0b35a; } }
</style>
</head>
<body>
`)
	if f.err != "" {
		b.WriteString("<h1>The site could not be built</h1>\n<pre>" + html.EscapeString(f.err) + "</pre>\n")
	} else {
		errs, warns := 0, 0
		for _, d := range f.diags {
			if d.Severity == diag.Error {
				errs++
			} else {
				warns++
			}
		}
		fmt.Fprintf(&b, "<h1>Build failed: %s, %s</h1>\n", english.Count(errs, "error", "errors"), english.Count(warns, "warning", "warnings"))
		b.WriteString("<p>Fix the file and save it: this page reloads when the site builds again.</p>\n<ol>\n")
		for _, d := range f.diags {
			fmt.Fprintf(&b, "<li><span class=\"pos\">%s</span>: <span class=\"%s\">%s</span>: %s",
				html.EscapeString(d.Pos.String()), d.Severity, d.Severity, html.EscapeString(d.Msg))
			if line, ok := sourceLine(project, d.Pos); ok {
				caret := strings.Repeat(" ", len(fmt.Sprint(d.Pos.Line))+3+max(d.Pos.Col, 1)-1) + "^"
				fmt.Fprintf(&b, "\n<pre>%d | %s\n%s</pre>", d.Pos.Line, html.EscapeString(line), caret)
			}
			b.WriteString("</li>\n")
		}
		b.WriteString("</ol>\n")
	}
	b.WriteString("</body>\n</html>\n")
	return b.Bytes()
}

// sourceLine reads the line a diagnostic points at, in the folder its
// path is relative to: the content folder, or for a theme's files the
// project folder. Tabs become spaces so that the caret lines up.
func sourceLine(project string, pos diag.Pos) (string, bool) {
	if pos.Line < 1 || pos.Path == "" || strings.Contains(pos.Path, "..") {
		return "", false
	}
	var dir string
	switch pos.Root {
	case diag.Content:
		dir = filepath.Join(project, "content")
	case diag.Project:
		dir = project
	default:
		return "", false // embedded in gazette, not in the project
	}
	src, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(pos.Path)))
	if err != nil {
		return "", false
	}
	lines := strings.Split(string(src), "\n")
	if pos.Line > len(lines) {
		return "", false
	}
	line := strings.TrimRight(lines[pos.Line-1], "\r")
	line = strings.ReplaceAll(line, "\t", " ")
	if !utf8.ValidString(line) {
		return "", false
	}
	return line, true
}
