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
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"gazette/internal/diag"
)

// Site is everything a content folder holds.
type Site struct {
	Config   Config
	Reports  []*Report // sorted by slug
	Records  []*Record // sorted by id
	Entities []*Entity // sorted by kind (in Config.Kinds order), then id
	Pages    []*Page   // sorted by slug
	Static   []string  // files under static/, relative to it, sorted
	Outline  *Outline  // the base map named in site.yaml, or nil
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
}

// idPattern is the shape of every id and slug: it is safe as a path segment
// on every file system and host, and reads well in a URL.
var idPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// tagPattern is the shape of a language tag in a translation's file name,
// mosul.ar.md: what is not shaped so is not taken for a translation.
var tagPattern = regexp.MustCompile(`^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$`)

// ValidID reports whether s may be used as an id or slug.
func ValidID(s string) bool { return len(s) <= 200 && idPattern.MatchString(s) }

// SlugProblem says why slug cannot name a content file (slug.md) that Load
// would read, or returns "". It is Load's own rule, for `gazette new`, so
// that no file it writes is then refused by check.
func SlugProblem(slug string) string {
	switch {
	case !ValidID(slug):
		return "use lower-case letters a-z, digits and single hyphens"
	case windowsReserved(slug):
		return "it is a device name on Windows (con, prn, aux, nul, com1-com9, lpt1-lpt9), which checkouts and hosts there cannot hold"
	}
	return ""
}

// Reserved top-level output names that pages and kinds may not take.
var reserved = []string{"reports", "records", "timeline", "search", "data", "pages", "static", "feed.xml", "sitemap.xml", "robots.txt", "404", "style.css", "code.css", "assets"}

// Load reads the content folder fsys. Problems go to diags; what could be
// read is returned all the same, so later stages can report more.
func Load(fsys fs.FS, diags *diag.List) *Site {
	s := &Site{}
	s.Config = loadConfig(fsys, diags)
	c := &s.Config
	var reportTr, pageTr []*Translation
	entityTr := map[string][]*Translation{} // by kind id
	s.Reports = loadDir(fsys, "reports", c, diags, func(path, slug string, src []byte) *Report {
		return parseReport(c, path, slug, src, diags)
	}, func(path, slug, lang string, src []byte) {
		reportTr = append(reportTr, parseTranslation(c, reportText, path, slug, lang, src, diags))
	})
	s.Records = loadDir(fsys, "records", c, diags, func(path, id string, src []byte) *Record {
		return parseRecord(c, path, id, src, diags)
	}, nil)
	for _, k := range c.Kinds {
		s.Entities = append(s.Entities, loadDir(fsys, k.Plural, c, diags, func(path, id string, src []byte) *Entity {
			return parseEntity(k.ID, path, id, src, diags)
		}, func(path, id, lang string, src []byte) {
			entityTr[k.ID] = append(entityTr[k.ID], parseTranslation(c, entityText, path, id, lang, src, diags))
		})...)
	}
	s.Pages = loadDir(fsys, "pages", c, diags, func(path, slug string, src []byte) *Page {
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
	s.Outline = loadOutline(fsys, c.Map, diags)
	return s
}

// reportLang is the language a report is written in: its lang:, else the
// site's.
func reportLang(c *Config, r *Report) string {
	if r == nil || r.Lang == "" {
		return c.Language
	}
	return r.Lang
}

// attach reports whether the translation t may go with its original, the
// file orig (which exists when found), written in origLang.
func attach(c *Config, t *Translation, found bool, orig, origLang string, diags *diag.List) bool {
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
func sortTranslations(c *Config, list []*Translation) {
	index := func(t *Translation) int {
		return slices.IndexFunc(c.Editions, func(e Edition) bool { return e.Lang == t.Lang })
	}
	slices.SortFunc(list, func(a, b *Translation) int { return index(a) - index(b) })
}

// loadDir parses every *.md file of dir with parse, in file-name order.
// When translate is not nil, the folder also holds translations,
// <id>.<lang>.md into one of the site's languages, which go to translate.
func loadDir[T any](fsys fs.FS, dir string, c *Config, diags *diag.List, parse func(path, id string, src []byte) *T, translate func(path, id, lang string, src []byte)) []*T {
	if isSymlink(fsys, dir) {
		diags.Errorf(diag.Pos{Path: dir}, "symbolic links are not followed; make %s/ a folder inside the content folder", dir)
		return nil
	}
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		if !errorsIsNotExist(err) {
			diags.Errorf(diag.Pos{Path: dir}, "cannot read folder: %v", err)
		}
		return nil
	}
	// File systems need not list a folder in order; the output must not
	// depend on it.
	slices.SortFunc(entries, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	var out []*T
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
		if base, l, found := strings.Cut(id, "."); found && translate != nil && ValidID(base) && tagPattern.MatchString(l) {
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
		if !ValidID(id) {
			msg := "invalid file name %q: names use lower-case letters a-z, digits and single hyphens"
			if s := Slugify(id); s != "" {
				diags.Errorf(diag.Pos{Path: p}, msg+`; did you mean "%s.md"?`, name, s)
			} else {
				diags.Errorf(diag.Pos{Path: p}, msg, name)
			}
			continue
		}
		if windowsReserved(id) {
			diags.Errorf(diag.Pos{Path: p}, "file name %q is reserved on Windows (con, prn, aux, nul, com1-com9, lpt1-lpt9): checkouts and hosts there cannot hold it; rename the file", name)
			continue
		}
		if prev, dup := lower[strings.ToLower(name)]; dup {
			diags.Errorf(diag.Pos{Path: p}, "file name collides with %s on case-insensitive file systems", prev)
			continue
		}
		lower[strings.ToLower(name)] = p
		src, problem := readFile(fsys, p)
		if problem != "" {
			diags.Errorf(diag.Pos{Path: p}, "%s", problem)
			continue
		}
		src, ok = checkText(p, src, diags)
		if !ok {
			continue
		}
		if lang != "" {
			translate(p, id, lang, src)
			continue
		}
		if v := parse(p, id, src); v != nil {
			out = append(out, v)
		}
	}
	return out
}

// maxFileSize bounds what one content file may hold, so a stray export or a
// hostile file cannot exhaust memory in the later stages.
const maxFileSize = 8 << 20

// readFile reads a content file: a regular file, reached through no
// symbolic link, of at most maxFileSize bytes, of which no more is read.
// It returns the problem as a message when there is one.
func readFile(fsys fs.FS, name string) ([]byte, string) {
	if isSymlink(fsys, name) {
		return nil, "symbolic links are not followed; copy the file into the content folder"
	}
	info, err := fs.Stat(fsys, name)
	if err != nil {
		return nil, fmt.Sprintf("cannot read file: %v", err)
	}
	if !info.Mode().IsRegular() {
		return nil, "not a regular file" // a FIFO or device would block or never end
	}
	tooBig := func(size int64) string {
		return fmt.Sprintf("file is %d MB; the limit is %d MB", size>>20, maxFileSize>>20)
	}
	if info.Size() > maxFileSize {
		return nil, tooBig(info.Size())
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, fmt.Sprintf("cannot read file: %v", err)
	}
	defer f.Close()
	// One allocation of the size Stat gave (the file may have grown since:
	// the buffer then grows too, up to the limit).
	var b bytes.Buffer
	b.Grow(int(info.Size()) + bytes.MinRead)
	if _, err := b.ReadFrom(io.LimitReader(f, maxFileSize+1)); err != nil {
		return nil, fmt.Sprintf("cannot read file: %v", err)
	}
	src := b.Bytes()
	if len(src) > maxFileSize {
		return nil, tooBig(int64(len(src)))
	}
	return src, ""
}

// isSymlink reports whether name, or a folder on its way, is a symbolic
// link. Links are refused, not followed: one could publish any file the
// build can read, such as a key under the maintainer's home folder.
func isSymlink(fsys fs.FS, name string) bool {
	for i := 0; i <= len(name); i++ {
		if i == len(name) || name[i] == '/' {
			if info, err := fs.Lstat(fsys, name[:i]); err == nil && info.Mode()&fs.ModeSymlink != 0 {
				return true
			}
		}
	}
	return false
}

// windowsReserved reports whether name, or the part of it before its first
// dot, is a device name on Windows: a file called con.md or aux.png cannot
// be checked out or served there.
func windowsReserved(name string) bool {
	stem, _, _ := strings.Cut(strings.ToLower(name), ".")
	switch stem {
	case "con", "prn", "aux", "nul":
		return true
	}
	if len(stem) == 4 && (strings.HasPrefix(stem, "com") || strings.HasPrefix(stem, "lpt")) && stem[3] >= '0' && stem[3] <= '9' {
		return true
	}
	return false
}

// checkText verifies that src is UTF-8 text and returns it with a byte-order
// mark removed and CRLF line ends turned into LF.
func checkText(path string, src []byte, diags *diag.List) ([]byte, bool) {
	if len(src) > maxFileSize {
		diags.Errorf(diag.Pos{Path: path}, "file is %d MB; the limit is %d MB", len(src)>>20, maxFileSize>>20)
		return nil, false
	}
	if bytes.HasPrefix(src, []byte{0xFE, 0xFF}) || bytes.HasPrefix(src, []byte{0xFF, 0xFE}) {
		diags.Errorf(diag.Pos{Path: path, Line: 1, Col: 1}, "file is UTF-16; save it as UTF-8")
		return nil, false
	}
	src = bytes.TrimPrefix(src, []byte("\uFEFF"))
	line, col := 1, 1
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			diags.Errorf(diag.Pos{Path: path, Line: line, Col: col}, "file is not valid UTF-8; save it as UTF-8")
			return nil, false
		case r == 0:
			diags.Errorf(diag.Pos{Path: path, Line: line, Col: col}, "file contains a NUL byte")
			return nil, false
		case r == '\n':
			line, col = line+1, 1
		default:
			col++
		}
		i += size
	}
	if bytes.Contains(src, []byte("\r")) {
		src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
		src = bytes.ReplaceAll(src, []byte("\r"), []byte("\n"))
	}
	return src, true
}

func loadStatic(fsys fs.FS, diags *diag.List) []string {
	if isSymlink(fsys, "static") {
		diags.Errorf(diag.Pos{Path: "static"}, "symbolic links are not followed; make static/ a folder inside the content folder")
		return nil
	}
	var files []string
	lower := map[string]string{}
	err := fs.WalkDir(fsys, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errorsIsNotExist(err) && p == "static" {
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
		case windowsReserved(part):
			return fmt.Sprintf("file name %q is reserved on Windows (con, prn, aux, nul, com1-com9, lpt1-lpt9); rename it", part)
		}
	}
	return ""
}

// markerName must match the output stage's marker; it is repeated here so
// content never imports output.
const markerName = ".gazette-build"

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
func LoadReport(fsys fs.FS, c *Config, name string, diags *diag.List) *Report {
	dir, file := path.Split(name)
	id, ok := strings.CutSuffix(file, ".md")
	if dir != "reports/" || !ok || !ValidID(id) || windowsReserved(id) {
		return nil
	}
	src, problem := readFile(fsys, name)
	if problem != "" {
		diags.Errorf(diag.Pos{Path: name}, "%s", problem)
		return nil
	}
	src, ok = checkText(name, src, diags)
	if !ok {
		return nil
	}
	r := parseReport(c, name, id, src, diags)
	if r == nil || r.Invalid {
		return nil
	}
	return r
}
