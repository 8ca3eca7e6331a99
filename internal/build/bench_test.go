package build

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"

	"gazette"
	"gazette/internal/content"
	"gazette/internal/diag"
	"gazette/internal/markup"
	"gazette/internal/render"
	"gazette/internal/site"
	"gazette/internal/synth"
)

// benchSite writes a synthetic site of n reports once per test binary run.
func benchSite(b *testing.B, n int) string {
	b.Helper()
	dir := filepath.Join(os.TempDir(), fmt.Sprintf("gazette-bench-%d", n))
	if _, err := os.Stat(filepath.Join(dir, "content")); err != nil {
		os.RemoveAll(dir)
		if err := synth.Write(dir, n, 1, false); err != nil {
			b.Fatal(err)
		}
	}
	return dir
}

func benchmarkBuild(b *testing.B, n int) {
	dir := benchSite(b, n)
	out := b.TempDir()
	b.ResetTimer()
	for b.Loop() {
		res, err := Run(onDisk(b, dir, filepath.Join(out, "public")))
		if err != nil || res.Errors > 0 {
			b.Fatalf("build: %v, %d errors", err, res.Errors)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/report")
}

// BenchmarkBuild is the whole build, from files to public/.
func BenchmarkBuild1k(b *testing.B)  { benchmarkBuild(b, 1000) }
func BenchmarkBuild10k(b *testing.B) { benchmarkBuild(b, 10000) }

// BenchmarkStages times each stage alone on 1,000 reports.
func BenchmarkStages(b *testing.B) {
	dir := benchSite(b, 1000)
	fsys := os.DirFS(filepath.Join(dir, "content"))
	var diags diag.List
	c := content.Load(fsys, &diags)
	md := markup.New([]string{"city", "actor"})
	b.Run("load", func(b *testing.B) {
		for b.Loop() {
			content.Load(fsys, &diag.List{})
		}
	})
	// Resolve consumes the content it is given (bodies, references), so
	// each run gets a fresh load, untimed.
	fresh := func(b *testing.B) *content.Site {
		b.StopTimer()
		defer b.StartTimer()
		return content.Load(fsys, &diag.List{})
	}
	b.Run("resolve", func(b *testing.B) {
		for range b.N {
			site.Resolve(fresh(b), md, site.Options{}, &diag.List{})
		}
	})
	b.Run("markdown", func(b *testing.B) {
		for range b.N {
			for _, r := range fresh(b).Reports {
				if _, err := md.Render(md.Parse(r.Path, r.Body)); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
	s := site.Resolve(c, md, site.Options{}, &diags)
	theme := render.LoadTheme(gazette.DefaultTheme(), nil, "themes/default", &diags)
	b.Run("render", func(b *testing.B) {
		for b.Loop() {
			if _, err := render.Render(s, theme, md, discard{}, render.Options{}, &diag.List{}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("write", func(b *testing.B) {
		out := b.TempDir()
		for b.Loop() {
			o, err := os.MkdirTemp(out, "w")
			if err != nil {
				b.Fatal(err)
			}
			w := &fileWriter{root: o}
			if _, err := render.Render(s, theme, md, w, render.Options{}, &diag.List{}); err != nil {
				b.Fatal(err)
			}
		}
	})
}

type fileWriter struct{ root string }

func (w *fileWriter) WriteFile(name string, data []byte) error {
	p := filepath.Join(w.root, filepath.FromSlash(name))
	os.MkdirAll(filepath.Dir(p), 0o755)
	return os.WriteFile(p, data, 0o644)
}

var _ io.Writer = io.Discard
