package synth

import (
	"fmt"
	"os"
	"path/filepath"

	"gazette/internal/content"
	"gazette/internal/diag"
	"gazette/internal/markup"
	"gazette/internal/site"
)

// Site writes a corpus of n reports (seed 1) to the new folder dir and
// resolves it, as the build does up to the render stage: for the
// benchmarks of the stages that take a *site.Site.
func Site(dir string, n int) (*site.Site, *markup.Markdown, error) {
	return SiteOf(dir, SizeOf(n))
}

// SiteOf is Site for a corpus of any size.
func SiteOf(dir string, z Size) (*site.Site, *markup.Markdown, error) {
	if err := WriteSize(dir, z, 1, false); err != nil {
		return nil, nil, err
	}
	var diags diag.List
	c := content.Load(os.DirFS(filepath.Join(dir, "content")), &diags)
	md := markup.New(c.Config.KindIDs())
	s := site.Resolve(c, md, site.Options{}, &diags)
	if diags.HasErrors() {
		return nil, nil, fmt.Errorf("synthetic site: %v", diags.Sorted())
	}
	return s, md, nil
}
