// Package content is gazette's first stage: it reads a content folder
// through an fs.FS and returns its files as plain structs.
//
// Input: site.yaml, reports/*.md, <kind plural>/*.md (cities/, actors/ by
// default), pages/*.md and static/**; next to a report, page or entity,
// its translations into the site's other languages, <id>.<lang>.md.
// Output: a Site whose every field still knows the file position it came
// from, and diagnostics for everything that
// can be judged one file at a time: YAML syntax, unknown or misspelled
// fields, missing required fields, wrong types, invalid dates, ids, slugs,
// URLs, vocabularies and encodings. Whether an id names an existing entity
// is the next stage's business (package site).
package content

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"gazette/internal/config"
	"gazette/internal/decode"
	"gazette/internal/diag"
	"gazette/internal/parallel"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Site is everything a content folder holds.
type Site struct {
	Config   config.Config
	Reports  []*Report       // sorted by slug
	Records  []*Record       // sorted by id
	Entities []*Entity       // sorted by kind (in Config.Kinds order), then id
	Pages    []*Page         // sorted by slug
	Static   []string        // files under static/, relative to it, sorted
	Outline  *config.Outline // the base map named in site.yaml, or nil
}

// Ref is a reference to an entity or report, as written, with its place.
type Ref struct {
	Kind string // an entity kind id such as "city"; "" in a role that takes several kinds, which one holds ID is for package site to find
	ID   string
	Pos  diag.Pos
}

// Entity is one city, actor or other entity of a configured kind.
type Entity struct {
	Path        string // "cities/mosul.md"
	Kind        string // "city"
	ID          string // "mosul"
	Name        string
	NamePos     diag.Pos
	Aliases     []Text
	Names       []LangName // sorted by language tag
	Type        string
	Within      *Ref
	Coordinates *LatLon
	IDs         []KeyValue // sorted by key
	Body        []byte     // the file with its front matter blanked out
	Sum         Sum

	Translations []*Translation // <plural>/<id>.<lang>.md, in site.yaml's order of languages

	// Invalid is set when the front matter could not be read at all. The
	// entity is still returned, so that references to it do not add
	// errors to the one already reported.
	Invalid bool
}

// Text is a string as written, with its place.
type Text struct {
	Value string
	Pos   diag.Pos
}

// LangName is an entity's name in another language.
type LangName struct {
	Lang string // BCP 47
	Name string
	Pos  diag.Pos
}

// LatLon is a WGS 84 position.
type LatLon struct{ Lat, Lon float64 }

// KeyValue is one entry of an "ids" map.
type KeyValue struct{ Key, Value string }

// Report is one reports/*.md file.
type Report struct {
	Path    string // "reports/2016-08-12-mosul.md"
	Slug    string
	Title   string
	Date    Date
	Summary string
	Lang    string
	Sources []Source
	Refs    []Ref // the front matter's entity lists, such as cities: and actors:
	Events  []Event
	Draft   bool
	Body    []byte // the file with its front matter blanked out
	Invalid bool   // the front matter could not be read; see Entity.Invalid
	Sum     Sum

	Translations []*Translation // reports/<slug>.<lang>.md, in site.yaml's order of languages
}

// Source is one entry of a report's sources.
type Source struct {
	Publisher string
	Title     string
	Date      Date
	URL       string
	Archive   string
}

// Facts are what an event or a record says was done, and the entities it
// names in each of the site's roles: where, by whom.
type Facts struct {
	Type     string
	Services []string
	Scope    string
	Cause    string
	Roles    []RoleRefs // in the order of site.yaml's roles; only those given
}

// Event is one structured fact in a report.
type Event struct {
	Pos diag.Pos
	Facts
	From  Date
	Until Until
	Note  string

	// Record is the record this event is evidence for, or, for an event
	// whose type ends records (a restoration), the record it ends. Nil:
	// the event is a record of its own.
	Record *Ref
}

// Record is one records/*.md file: a shutdown (or block, ban, throttling)
// as readers think of it, which reports' events give evidence for. Its
// fields are the editor's summary; what is left out is taken from the
// evidence.
type Record struct {
	Path    string // "records/mosul-mobile-2014.md"
	ID      string
	Title   string
	Summary string
	Facts
	Body    []byte // the file with its front matter blanked out
	Invalid bool   // the front matter could not be read; see Entity.Invalid
	Sum     Sum
}

// Until is the end of an event: a date, or one of the words "ongoing" and
// "unknown". The zero value means the source gives no end.
type Until struct {
	Date    Date
	Ongoing bool
	Unknown bool
}

// Page is one pages/*.md file.
type Page struct {
	Path    string
	Slug    string
	Title   string
	Summary string
	Menu    int // 0: not in the navigation
	Body    []byte
	Sum     Sum

	Translations []*Translation // pages/<slug>.<lang>.md, in site.yaml's order of languages
}

// Translation is a report, page or entity in another of the site's
// languages: the file <id>.<lang>.md next to its original <id>.md. It holds
// only text; what is not text (dates, sources, events, coordinates) is the
// original's, shared by every edition.
type Translation struct {
	Path    string // "reports/2016-08-12-mosul.ar.md"
	ID      string // the original's slug or id: "2016-08-12-mosul"
	Lang    string // the edition's language tag, as site.yaml writes it: "ar"
	Title   string // reports (required) and pages ("": the original's)
	Summary string // reports and pages
	Draft   bool   // reports: the translation is built only with --drafts
	Name    string // entities: its name in Lang; "" when the file gives none
	NamePos diag.Pos
	Aliases []Text // entities: more names that resolve in texts in Lang
	Body    []byte // the file with its front matter blanked out
	Invalid bool   // the front matter could not be read; see Entity.Invalid
	Sum     Sum
}

// Sum tells a file's versions apart: the SHA-256 of its front matter and
// of its body (blanked front matter included, so a body whose lines
// moved differs). An incremental build compares them with the last
// build's to know what a page was made from (see package
// render/deps).
type Sum struct{ Front, Body [32]byte }

// tagPattern is the shape of a language tag in a translation's file name,
// mosul.ar.md: what is not shaped so is not taken for a translation.
var tagPattern = regexp.MustCompile(`^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$`)

// Load reads the content folder fsys. Problems go to diags; what could be
// read is returned all the same, so later stages can report more.
func Load(fsys fs.FS, diags *diag.List) *Site { return LoadMemo(fsys, nil, diags) }

// LoadMemo is Load, taking from m the reports whose files did not change
// since the last Load that used it, and keeping there what it parses.
// nil: none.
func LoadMemo(fsys fs.FS, m *Memo, diags *diag.List) *Site {
	s := &Site{}
	s.Config = config.Load(fsys, diags)
	c := &s.Config
	if m != nil {
		src, problem := []byte(nil), ""
		_, err := fs.Lstat(fsys, "site.yaml")
		found := !errors.Is(err, fs.ErrNotExist)
		if found {
			src, problem = decode.ReadFile(fsys, "site.yaml")
		}
		if problem != "" {
			m = nil
		} else {
			m.begin(ConfigSum(src, found))
			defer m.end()
		}
	}
	var reportTr, pageTr []*Translation
	entityTr := map[string][]*Translation{} // by kind id
	var kept func(path, slug string, raw []byte) *Report
	if m != nil {
		kept = func(path, slug string, raw []byte) *Report { return m.report(path, slug, raw, diags) }
	}
	s.Reports = loadDir(fsys, "reports", c, diags, kept, func(path, slug string, raw, src []byte) *Report {
		if m != nil {
			return m.parseReport(c, path, slug, raw, src, diags)
		}
		return parseReport(c, path, slug, src, diags)
	}, func(path, slug, lang string, src []byte) {
		reportTr = append(reportTr, parseTranslation(c, reportText, path, slug, lang, src, diags))
	})
	s.Records = loadDir(fsys, "records", c, diags, nil, func(path, id string, _, src []byte) *Record {
		return parseRecord(c, path, id, src, diags)
	}, nil)
	for _, k := range c.Kinds {
		s.Entities = append(s.Entities, loadDir(fsys, k.Plural, c, diags, nil, func(path, id string, _, src []byte) *Entity {
			return parseEntity(k.ID, path, id, src, diags)
		}, func(path, id, lang string, src []byte) {
			entityTr[k.ID] = append(entityTr[k.ID], parseTranslation(c, entityText, path, id, lang, src, diags))
		})...)
	}
	s.Pages = loadDir(fsys, "pages", c, diags, nil, func(path, slug string, _, src []byte) *Page {
		p := parsePage(path, slug, src, diags)
		if p != nil && slices.Contains(c.ReservedNames(), slug) {
			diags.Errorf(diag.Pos{Path: path}, "page slug %q is taken by the site's own %s/ pages; rename the file", slug, slug)
		}
		return p
	}, func(path, slug, lang string, src []byte) {
		pageTr = append(pageTr, parseTranslation(c, pageText, path, slug, lang, src, diags))
	})
	checkPrefixes(c, s.Pages, diags)

	// Each translation goes with its original.
	reports := map[string]*Report{}
	for _, r := range s.Reports {
		reports[r.Slug] = r
	}
	for _, t := range reportTr {
		if r := reports[t.ID]; attach(c, t, r != nil, "reports/"+t.ID+".md", reportLang(c, r), diags) {
			r.Translations = append(r.Translations, t)
		}
	}
	pages := map[string]*Page{}
	for _, p := range s.Pages {
		pages[p.Slug] = p
	}
	for _, t := range pageTr {
		if p := pages[t.ID]; attach(c, t, p != nil, "pages/"+t.ID+".md", c.Language, diags) {
			p.Translations = append(p.Translations, t)
		}
	}
	entities := map[[2]string]*Entity{}
	for _, e := range s.Entities {
		entities[[2]string{e.Kind, e.ID}] = e
	}
	for _, k := range c.Kinds {
		for _, t := range entityTr[k.ID] {
			if e := entities[[2]string{k.ID, t.ID}]; attach(c, t, e != nil, k.Plural+"/"+t.ID+".md", c.Language, diags) {
				e.Translations = append(e.Translations, t)
			}
		}
	}
	for _, r := range s.Reports {
		sortTranslations(c, r.Translations)
	}
	for _, p := range s.Pages {
		sortTranslations(c, p.Translations)
	}
	for _, e := range s.Entities {
		sortTranslations(c, e.Translations)
	}
	s.Static = loadStatic(fsys, diags)
	s.Outline = config.LoadOutline(fsys, c.Map, diags)
	return s
}

// reportLang is the language a report is written in: its lang:, else the
// site's.
func reportLang(c *config.Config, r *Report) string {
	if r == nil || r.Lang == "" {
		return c.Language
	}
	return r.Lang
}

// attach reports whether the translation t may go with its original, the
// file orig (which exists when found), written in origLang.
func attach(c *config.Config, t *Translation, found bool, orig, origLang string, diags *diag.List) bool {
	switch {
	case !found:
		diags.Errorf(diag.Pos{Path: t.Path}, "translation without an original: there is no %s", orig)
		return false
	case t.Lang == origLang && origLang == c.Language:
		diags.Errorf(diag.Pos{Path: t.Path}, "translation into %s, the site's default language, which %s is written in: edit %s instead", t.Lang, orig, orig)
		return false
	case t.Lang == origLang:
		diags.Errorf(diag.Pos{Path: t.Path}, "translation into %s, the language %s is written in (its lang:): edit %s instead", t.Lang, orig, orig)
		return false
	}
	return true
}

// sortTranslations puts translations in site.yaml's order of languages:
// they are read in file-name order, which is not the editions'.
func sortTranslations(c *config.Config, list []*Translation) {
	index := func(t *Translation) int {
		return slices.IndexFunc(c.Editions, func(e config.Edition) bool { return e.Lang == t.Lang })
	}
	slices.SortFunc(list, func(a, b *Translation) int { return index(a) - index(b) })
}

// loadDir parses every *.md file of dir with parse, in file-name order:
// it is given the file's bytes as read (raw) and as CheckText left them
// (src). kept, when not nil, is asked first, with the bytes as read, for
// what an earlier Load parsed of them (see Memo): nil, none. When
// translate is not nil, the folder also holds translations,
// <id>.<lang>.md into one of the site's languages, which go to translate.
func loadDir[T any](fsys fs.FS, dir string, c *config.Config, diags *diag.List, kept func(path, id string, raw []byte) *T, parse func(path, id string, raw, src []byte) *T, translate func(path, id, lang string, src []byte)) []*T {
	if decode.IsSymlink(fsys, dir) {
		diags.Errorf(diag.Pos{Path: dir}, "symbolic links are not followed; make %s/ a folder inside the content folder", dir)
		return nil
	}
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		if !errors.Is(err, fs.ErrNotExist) {
			diags.Errorf(diag.Pos{Path: dir}, "cannot read folder: %v", err)
		}
		return nil
	}
	// File systems need not list a folder in order; the output must not
	// depend on it.
	slices.SortFunc(entries, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	var out []*T
	type file struct {
		path, id, lang string
		src            []byte
		ok             bool
		v              *T
	}
	var files []file
	lower := map[string]string{}
	for _, e := range entries {
		name := e.Name()
		p := dir + "/" + name
		if strings.HasPrefix(name, ".") {
			continue // editor and OS litter: .DS_Store, .#file.md, ...
		}
		if e.Type()&fs.ModeSymlink != 0 {
			diags.Errorf(diag.Pos{Path: p}, "symbolic links are not followed; copy the file into the content folder")
			continue
		}
		if e.IsDir() {
			diags.Warnf(diag.Pos{Path: p}, "folder ignored: %s/ holds only .md files", dir)
			continue
		}
		if !e.Type().IsRegular() {
			diags.Errorf(diag.Pos{Path: p}, "not a regular file")
			continue
		}
		id, ok := strings.CutSuffix(name, ".md")
		if !ok {
			diags.Warnf(diag.Pos{Path: p}, "file ignored: only .md files are read in %s/", dir)
			continue
		}
		lang := ""
		if base, l, found := strings.Cut(id, "."); found && translate != nil && decode.ValidID(base) && tagPattern.MatchString(l) {
			e, ok := c.Edition(l)
			if !ok {
				hint := "; add " + l + " to languages: in site.yaml"
				if s := diag.Suggest(strings.ToLower(l), c.Langs()); s != "" {
					hint = fmt.Sprintf("; did you mean \"%s.%s.md\"? If not, add %s to languages: in site.yaml", base, s, l)
				}
				diags.Errorf(diag.Pos{Path: p}, "file name %q names a translation into %s, which is not one of the site's languages (%s)%s", name, l, langList(c), hint)
				continue
			}
			id, lang = base, e.Lang
		}
		if !decode.ValidID(id) {
			msg := "invalid file name %q: names use lower-case letters a-z, digits and single hyphens"
			if s := Slugify(id); s != "" {
				diags.Errorf(diag.Pos{Path: p}, msg+`; did you mean "%s.md"?`, name, s)
			} else {
				diags.Errorf(diag.Pos{Path: p}, msg, name)
			}
			continue
		}
		if decode.WindowsReserved(id) {
			diags.Errorf(diag.Pos{Path: p}, "file name %q is reserved on Windows (con, prn, aux, nul, com1-com9, lpt1-lpt9): checkouts and hosts there cannot hold it; rename the file", name)
			continue
		}
		if prev, dup := lower[strings.ToLower(name)]; dup {
			diags.Errorf(diag.Pos{Path: p}, "file name collides with %s on case-insensitive file systems", prev)
			continue
		}
		lower[strings.ToLower(name)] = p
		files = append(files, file{path: p, id: id, lang: lang})
	}
	// The files are read and parsed in parallel, the costliest part of
	// loading; what they make is taken in file-name order.
	parallel.For(len(files), func(i int) {
		f := &files[i]
		src, problem := decode.ReadFile(fsys, f.path)
		if problem != "" {
			diags.Errorf(diag.Pos{Path: f.path}, "%s", problem)
			return
		}
		if kept != nil && f.lang == "" {
			if f.v = kept(f.path, f.id, src); f.v != nil {
				f.ok = true
				return
			}
		}
		if f.src, f.ok = decode.CheckText(f.path, src, diags); !f.ok || f.lang != "" {
			return
		}
		f.v = parse(f.path, f.id, src, f.src)
	})
	for _, f := range files {
		switch {
		case !f.ok:
		case f.lang != "":
			translate(f.path, f.id, f.lang, f.src)
		case f.v != nil:
			out = append(out, f.v)
		}
	}
	return out
}

func loadStatic(fsys fs.FS, diags *diag.List) []string {
	if decode.IsSymlink(fsys, "static") {
		diags.Errorf(diag.Pos{Path: "static"}, "symbolic links are not followed; make static/ a folder inside the content folder")
		return nil
	}
	var files []string
	lower := map[string]string{}
	err := fs.WalkDir(fsys, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) && p == "static" {
				return fs.SkipDir
			}
			diags.Errorf(diag.Pos{Path: p}, "cannot read: %v", err)
			return nil
		}
		switch {
		case d.Type()&fs.ModeSymlink != 0:
			diags.Errorf(diag.Pos{Path: p}, "symbolic links are not followed; copy the file into the content folder")
		case d.IsDir():
		case !d.Type().IsRegular():
			diags.Errorf(diag.Pos{Path: p}, "not a regular file")
		default:
			rel := strings.TrimPrefix(p, "static/")
			if path.Base(rel) == markerName {
				diags.Errorf(diag.Pos{Path: p}, "%s is gazette's own marker file; rename it", markerName)
				return nil
			}
			if problem := staticNameProblem(rel); problem != "" {
				diags.Errorf(diag.Pos{Path: p}, "%s", problem)
				return nil
			}
			if prev, dup := lower[strings.ToLower(rel)]; dup {
				diags.Errorf(diag.Pos{Path: p}, "file name collides with %s on case-insensitive file systems", prev)
				return nil
			}
			lower[strings.ToLower(rel)] = p
			files = append(files, rel)
		}
		return nil
	})
	if err != nil {
		diags.Errorf(diag.Pos{Path: "static"}, "cannot read folder: %v", err)
	}
	slices.Sort(files)
	return files
}

// staticNameProblem says why a static file's path cannot be published as
// it is on every host, or returns "".
func staticNameProblem(rel string) string {
	for _, part := range strings.Split(rel, "/") {
		switch {
		case strings.ContainsAny(part, "\\:*?\"<>|") || strings.ContainsFunc(part, func(r rune) bool { return r < ' ' || r == 0x7f }):
			return fmt.Sprintf("file name %q holds a character that Windows and some hosts refuse (\\ : * ? \" < > | or a control character); rename it", part)
		case decode.WindowsReserved(part):
			return fmt.Sprintf("file name %q is reserved on Windows (con, prn, aux, nul, com1-com9, lpt1-lpt9); rename it", part)
		}
	}
	return ""
}

// markerName must match the output stage's marker; it is repeated here so
// content never imports output.
const markerName = ".gazette-build"

// foldASCII removes accents: "Mûsil" → "Musil".
func foldASCII(s string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, err := transform.String(t, s)
	if err != nil {
		return s
	}
	return out
}

// Slugify turns a title into a valid id: "ISIL cuts Mosul's internet" →
// "isil-cuts-mosul-s-internet". It returns "" when nothing is left.
func Slugify(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(foldASCII(s)) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		} else {
			dash = true
		}
		if b.Len() >= 80 {
			break
		}
	}
	return b.String()
}

// LoadReport reads one report file again, for `gazette serve` to show an
// edit before the whole site is rebuilt. name is "reports/<slug>.md". It
// returns nil when the file cannot be read as a report; the reasons go to
// diags, and the caller should fall back to a full build.
func LoadReport(fsys fs.FS, c *config.Config, name string, diags *diag.List) *Report {
	dir, file := path.Split(name)
	id, ok := strings.CutSuffix(file, ".md")
	if dir != "reports/" || !ok || !decode.ValidID(id) || decode.WindowsReserved(id) {
		return nil
	}
	src, problem := decode.ReadFile(fsys, name)
	if problem != "" {
		diags.Errorf(diag.Pos{Path: name}, "%s", problem)
		return nil
	}
	src, ok = decode.CheckText(name, src, diags)
	if !ok {
		return nil
	}
	r := parseReport(c, name, id, src, diags)
	if r == nil || r.Invalid {
		return nil
	}
	return r
}
