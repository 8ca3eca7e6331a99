// Package scaffold writes new content files for `gazette new`: a report, an
// entity of any kind in site.yaml, or a stand-alone page, each with a valid
// file name and a front-matter skeleton.
//
// Input: the content folder and what to create. Output: one new file,
// never an overwritten one. A skeleton passes `gazette check` except for
// what only the writer can fill in: a report's source publisher (an
// error, "publisher is empty"), and the warnings that a new report has no
// city or actor yet, or that no report mentions a new entity. Optional
// fields are left as YAML comments, ready to uncomment.
package scaffold

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"gazette/internal/config"
	"gazette/internal/content"
	"gazette/internal/decode"
	"gazette/internal/diag"
)

// Request says what to create.
type Request struct {
	Kind  string    // "report", "page", or an entity kind id or plural ("city", "cities")
	Title string    // the report's or page's title, or the entity's name
	Slug  string    // the file name without .md; "" derives it from Title
	Date  time.Time // a report's date; it also starts the report's slug
}

// ErrExists is returned when the file to create is already there.
var ErrExists = errors.New("already exists")

// Usage errors say what is wrong with a Request.
type UsageError struct{ Msg string }

func (e *UsageError) Error() string { return e.Msg }

// Create writes the new file under contentDir and returns its path, which
// is contentDir joined with the path inside it.
func Create(contentDir string, req Request) (string, error) {
	if info, err := os.Stat(contentDir); err != nil || !info.IsDir() {
		return "", fmt.Errorf("no content folder at %s: run gazette in a project folder, or pass -C DIR", contentDir)
	}
	var diags diag.List
	cfg := content.Load(onlyConfig{os.DirFS(contentDir)}, &diags).Config
	rel, text, err := file(cfg, req)
	if err != nil {
		return "", err
	}
	path := filepath.Join(contentDir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return "", err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return path, fmt.Errorf("%s %w; choose another title or pass --slug", path, ErrExists)
	}
	if err != nil {
		return "", err
	}
	if _, err := f.WriteString(text); err != nil {
		f.Close()
		os.Remove(path)
		return "", err
	}
	return path, f.Close()
}

// file returns the path inside the content folder and the text of the new
// file.
func file(cfg config.Config, req Request) (rel, text string, err error) {
	title := strings.Join(strings.Fields(req.Title), " ")
	if title == "" {
		return "", "", &UsageError{"give a title, as in: gazette new " + req.Kind + ` "Title"`}
	}
	slug := req.Slug
	if slug == "" {
		slug = content.Slugify(title)
		if slug == "" {
			return "", "", &UsageError{fmt.Sprintf("cannot make a file name from %q: pass --slug with lower-case letters a-z, digits and hyphens", title)}
		}
	} else if !decode.ValidID(slug) {
		return "", "", &UsageError{fmt.Sprintf("invalid --slug %q: use lower-case letters a-z, digits and single hyphens", slug)}
	}
	var dir string
	switch req.Kind {
	case "report", "reports":
		dir = "reports"
		if req.Slug == "" {
			slug = req.Date.Format("2006-01-02") + "-" + slug
		}
	case "page", "pages":
		dir = "pages"
		if slices.Contains(cfg.ReservedNames(), slug) {
			return "", "", &UsageError{fmt.Sprintf("a page cannot be called %q: the name is taken by the site's own pages; pass --slug", slug)}
		}
	default:
		for _, k := range cfg.Kinds {
			if req.Kind == k.ID || req.Kind == k.Plural {
				dir = k.Plural
			}
		}
	}
	if dir == "" {
		kinds := []string{"report", "page"}
		for _, k := range cfg.Kinds {
			kinds = append(kinds, k.ID)
		}
		return "", "", &UsageError{fmt.Sprintf("cannot create a %q: use one of %s", req.Kind, strings.Join(kinds, ", "))}
	}
	// The loader's own rule, so that check never refuses what new wrote.
	if problem := decode.SlugProblem(slug); problem != "" {
		if req.Slug == "" {
			return "", "", &UsageError{fmt.Sprintf("cannot name the file %s.md after the title: %s; pass --slug", slug, problem)}
		}
		return "", "", &UsageError{fmt.Sprintf("invalid --slug %q: %s", slug, problem)}
	}
	rel = dir + "/" + slug + ".md"
	switch dir {
	case "reports":
		return rel, report(cfg, title, req.Date.Format("2006-01-02")), nil
	case "pages":
		return rel, page(title), nil
	}
	for _, k := range cfg.Kinds {
		if k.Plural == dir {
			text = entity(k, nameOf(title))
		}
	}
	return rel, text, nil
}

// nameOf turns an id given as a name ("abu-ghraib") into a display name
// ("Abu Ghraib"); any other name is kept as written.
func nameOf(s string) string {
	if !decode.ValidID(s) || !strings.ContainsAny(s, "abcdefghijklmnopqrstuvwxyz") {
		return s
	}
	words := strings.Split(s, "-")
	for i, w := range words {
		words[i] = strings.ToUpper(w[:1]) + w[1:]
	}
	return strings.Join(words, " ")
}

// scalar writes s as a YAML scalar, quoted where YAML needs it.
func scalar(s string) string {
	b, err := yaml.Marshal(s)
	if err != nil {
		return fmt.Sprintf("%q", s)
	}
	return strings.TrimSuffix(string(b), "\n")
}

func report(cfg config.Config, title, date string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "---\ntitle: %s\ndate: %s # the date of the source; it also starts the file name\n", scalar(title), date)
	b.WriteString("summary: # one or two sentences; else the first paragraph, shortened\n")
	b.WriteString("sources:\n")
	b.WriteString("  - publisher: # required: who published the source\n")
	b.WriteString("    # title: the source's headline\n")
	b.WriteString("    # date: YYYY-MM-DD\n")
	b.WriteString("    # url: https://\n")
	b.WriteString("    # archive: https://web.archive.org/\n")
	for _, k := range cfg.Kinds {
		fmt.Fprintf(&b, "%s: [] # %s ids beyond those annotated in the text\n", k.Plural, k.ID)
	}
	b.WriteString("# events:\n")
	if len(cfg.EventTypes) > 0 {
		fmt.Fprintf(&b, "#   - type: %s # %s\n", cfg.EventTypes[0].ID, strings.Join(cfg.EventTypes.IDs(), ", "))
	}
	if len(cfg.Services) > 0 {
		fmt.Fprintf(&b, "#     services: [%s] # %s\n", cfg.Services[0].ID, strings.Join(cfg.Services.IDs(), ", "))
	}
	for _, r := range cfg.Roles {
		fmt.Fprintf(&b, "#     %s: [] # %s ids\n", r.ID, strings.Join(r.Kinds, " or "))
	}
	b.WriteString("#     from: YYYY-MM-DD # or YYYY-MM, YYYY\n")
	b.WriteString("#     until: ongoing # a date, ongoing or unknown\n")
	b.WriteString("# draft: true # built only with --drafts\n")
	b.WriteString("---\n")
	b.WriteString("<!-- Write the report here.")
	if len(cfg.Kinds) > 0 {
		var words []string
		for _, k := range cfg.Kinds {
			words = append(words, k.One)
		}
		k := cfg.Kinds[0].ID
		fmt.Fprintf(&b, " Annotate each %s as you\nname it, e.g. [Name](%s:id), or [Name](%s:) to go by the name;\n", strings.Join(words, " or "), k, k)
	} else {
		b.WriteString("\n")
	}
	b.WriteString("gazette suggest finds the names left unannotated. -->\n")
	return b.String()
}

func entity(k config.Kind, name string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "---\nname: %s\n", scalar(name))
	b.WriteString("aliases: [] # other spellings that annotations may use\n")
	b.WriteString("# names: {ar: , ckb: } # the name in other languages (BCP 47 tags)\n")
	fmt.Fprintf(&b, "type: # a free word, such as %s\n", typeExamples(k.Schema))
	fmt.Fprintf(&b, "# within: id of the %s that contains this one\n", k.ID)
	b.WriteString("# coordinates: [latitude, longitude]\n")
	b.WriteString("# ids: {wikidata: Q}\n")
	b.WriteString("---\n")
	fmt.Fprintf(&b, "<!-- Describe the %s here. -->\n", k.ID)
	return b.String()
}

// typeExamples suggests types for entities of a kind whose schema.org type
// is schema.
func typeExamples(schema string) string {
	switch schema {
	case "Place":
		return "city, town, province, region, country"
	case "Organization":
		return "government, military, armed-group, telecom-operator, isp, media"
	}
	return "a word that groups it on the index page"
}

func page(title string) string {
	return fmt.Sprintf("---\ntitle: %s\nsummary:\n# menu: 10 # its place in the site navigation\n---\n<!-- Write the page here. -->\n", scalar(title))
}

// onlyConfig shows content.Load the site.yaml of a content folder and
// nothing else, so that reading the kinds does not parse every report.
type onlyConfig struct{ fsys fs.FS }

func (o onlyConfig) Open(name string) (fs.File, error) {
	if name != "site.yaml" {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return o.fsys.Open(name)
}
