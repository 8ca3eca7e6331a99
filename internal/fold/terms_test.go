package fold_test

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"gazette/internal/fold"
)

// termTests are the exact terms of queries and indexed text. The Arabic
// ones are those of issue 17 and the edges of Lucene's length rules.
var termTests = []struct {
	in   string
	want []string
}{
	// One place, however Arabic writes it.
	{"موصل", []string{"موصل"}},
	{"الموصل", []string{"موصل"}},
	{"والموصل", []string{"موصل"}},
	{"بالموصل", []string{"موصل"}},
	{"كالموصل", []string{"موصل"}},
	{"فالموصل", []string{"موصل"}},
	{"للموصل", []string{"موصل"}},
	{"وموصل", []string{"موصل"}},
	{"الموصلُ", []string{"موصل"}},
	{"ٱلْمَوْصِلُ", []string{"موصل"}},
	{"المـــوصل", []string{"موصل"}},
	{"\u200fالموصل\u200f", []string{"موصل"}},
	// No prefix or suffix to strip.
	{"داعش", []string{"داعش"}},
	// Taa marbuta is haa, then a suffix; hamza dropped, then يه.
	{"الدولة الإسلامية", []string{"دول", "اسلام"}},
	{"الدولة الاسلامية", []string{"دول", "اسلام"}},
	{"الدولة الإسلامية في العراق والشام", []string{"دول", "اسلام", "في", "عراق", "شام"}},
	{"إسلامي", []string{"اسلام"}},
	// Suffixes one after another: ها, then ات.
	{"سياراتها", []string{"سيار"}},
	{"المسلمون", []string{"مسلم"}},
	{"نينوى", []string{"نينو"}},
	// Lucene's minimum lengths: two letters stay after ال and the
	// suffixes, three after و.
	{"الد", []string{"الد"}},
	{"البا", []string{"با"}},
	{"وقت", []string{"وقت"}},
	{"والد", []string{"الد"}},
	{"ولدي", []string{"لد"}},
	{"بان", []string{"بان"}},
	{"بيان", []string{"بي"}},
	{"الى", []string{"ال"}},
	// Letters that Iraqi Arabic writes for foreign sounds stem as Arabic.
	{"بالگيارة", []string{"گيار"}},
	// Sorani Kurdish: its letters stay apart from Arabic ones, and a word
	// with one of them is not stemmed.
	{"موسڵ", []string{"موسڵ"}},
	{"لە موسڵ", []string{"لە", "موسڵ"}},
	{"هەولێر", []string{"هەولێر"}},
	{"سلێمانی", []string{"سلێمانی"}},
	{"کەرکووک", []string{"کەرکووک"}},
	{"الکتاب", []string{"الکتاب"}},
	{"الكتاب", []string{"كتاب"}},
	// NFKD takes the hamza off ئ as off أ.
	{"ئاو", []string{"ياو"}},
	// Latin: case and accents, never stems.
	{"Mosil", []string{"mosil"}},
	{"Mûsil MUSIL", []string{"musil", "musil"}},
	{"Al-Mada’in", []string{"al", "mada", "in"}},
	{"Daesh's", []string{"daesh", "s"}},
	// Digits: Arabic-Indic and Extended Arabic-Indic are 0-9.
	{"١٢ آب ٢٠١٦", []string{"12", "اب", "2016"}},
	{"۲۰۱۶ 2016", []string{"2016", "2016"}},
	{"الموصل2016 ال٢٠١٦", []string{"الموصل2016", "ال2016"}},
	// Presentation forms decompose, then stem.
	{"ﺍﻟﻤﻮﺻﻞ", []string{"موصل"}},
	// Other scripts fold as the index always has.
	{"ΟΔΟΣ İstanbul ﬁne", []string{"οδοσ", "istanbul", "fine"}},
	{"한국", []string{"\u1112\u1161\u11ab\u1100\u116e\u11a8"}},
	{"", nil},
	{" \u200f– ", nil},
}

func TestTerms(t *testing.T) {
	for _, tc := range termTests {
		if got := fold.Terms(tc.in); !slices.Equal(got, tc.want) {
			t.Errorf("Terms(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// Whatever text is indexed, each way of writing it as a query finds it.
func TestTermsSame(t *testing.T) {
	same := [][]string{
		{"الموصل", "موصل", "والموصل", "بالموصل", "الموصلُ", "الْمَوْصِل", "للموصل"},
		{"الدولة الإسلامية", "الدولة الاسلامية", "والدولةُ الإسلاميةِ", "للدولة الإسلامية"},
		{"تنظيم داعش", "تنظيمُ داعشَ", "والتنظيم وداعش"},
		{"نينوى", "نينوي", "نينوة", "نيـنوى"},
		{"Mosil", "MOSIL", "Mósil"},
	}
	for _, group := range same {
		want := fold.Terms(group[0])
		for _, s := range group[1:] {
			if got := fold.Terms(s); !slices.Equal(got, want) {
				t.Errorf("Terms(%q) = %q, want %q, as for %q", s, got, want, group[0])
			}
		}
	}
	different := [][2]string{
		{"موسڵ", "موسل"},     // ڵ (Kurdish velarised l) and ل
		{"كتاب", "کتاب"},     // ك (kaf) and ک (keheh)
		{"هەولێر", "ههولێر"}, // ە (ae) and ه (haa)
		{"سلێمانی", "سلێماني"},
	}
	for _, p := range different {
		if a, b := fold.Terms(p[0]), fold.Terms(p[1]); slices.Equal(a, b) {
			t.Errorf("Terms(%q) = Terms(%q) = %q, want them different", p[0], p[1], a)
		}
	}
}

// referenceChain is the folding of Analyzer, written with the transform
// chain: NFKD, drop Mn, fold.Rune, then (referenceTerms) lower-case,
// split at non-letters, fold the Arabic-Indic digits and stem.
func referenceChain() transform.Transformer {
	return transform.Chain(norm.NFKD, runes.Remove(runes.In(unicode.Mn)),
		runes.Remove(runes.Predicate(func(r rune) bool { return fold.Rune(r) < 0 })), runes.Map(fold.Rune))
}

func referenceTerms(t transform.Transformer, s string) []string {
	out, _, err := transform.String(t, s)
	if err != nil {
		out = s
	}
	words := strings.FieldsFunc(strings.ToLower(out), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsNumber(r)
	})
	for i, w := range words {
		words[i] = strings.Map(func(r rune) rune {
			if '٠' <= r && r <= '٩' {
				return '0' + r - '٠'
			}
			if '۰' <= r && r <= '۹' {
				return '0' + r - '۰'
			}
			return r
		}, w)
		words[i] = referenceStem(words[i])
	}
	return words
}

// referenceStem is Lucene's ArabicStemmer as Lucene writes it, on letters
// rather than bytes, for the words that fold stems.
func referenceStem(word string) string {
	s := []rune(word)
	for _, r := range s {
		if !strings.ContainsRune("ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىي"+"پچژڤگ", r) {
			return word
		}
	}
	startsWith := func(p string) bool {
		q := []rune(p)
		if len(q) == 1 && len(s) < 4 || len(s) < len(q)+2 {
			return false
		}
		return string(s[:len(q)]) == p
	}
	for _, p := range []string{"ال", "وال", "بال", "كال", "فال", "لل", "و"} {
		if startsWith(p) {
			s = s[len([]rune(p)):]
			break
		}
	}
	for _, x := range []string{"ها", "ان", "ات", "ون", "ين", "يه", "ية", "ه", "ة", "ي"} {
		q := []rune(x)
		if len(s) >= len(q)+2 && string(s[len(s)-len(q):]) == x {
			s = s[:len(s)-len(q)]
		}
	}
	return string(s)
}

// TestTermsEveryRune folds every rune alone, between Latin letters, and
// after a letter with a mark. With -short it takes the runes that folding
// changes, the Arabic ones and every 97th of the rest.
func TestTermsEveryRune(t *testing.T) {
	chain := referenceChain()
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		if testing.Short() && r%97 != 0 && !changes(r) {
			continue
		}
		c := string(r)
		for _, s := range []string{c, "a" + c + "B", "É" + c + c + "\u0301x"} {
			if got, want := fold.Terms(s), referenceTerms(chain, s); !slices.Equal(got, want) {
				t.Fatalf("%U: Terms(%q) = %q, want %q", r, s, got, want)
			}
		}
	}
}

// changes reports whether search folding changes r alone.
func changes(r rune) bool {
	return norm.NFKD.PropertiesString(string(r)).Decomposition() != nil ||
		unicode.ToLower(r) != r || unicode.Is(unicode.Mn, r) || fold.Rune(r) != r ||
		unicode.Is(unicode.Arabic, r)
}

// The index runs an Analyzer over every word of a site: once its buffer
// has grown it allocates nothing, stems included.
func TestAnalyzerAllocs(t *testing.T) {
	text := "والدولة الإسلامية في الموصلِ Mûsil ٢٠١٦ هەولێر " + strings.Repeat("x", 100)
	var a fold.Analyzer
	n := 0
	count := func([]byte) { n++ }
	a.Each(text, count)
	if allocs := testing.AllocsPerRun(100, func() { a.Each(text, count) }); allocs != 0 {
		t.Errorf("Each allocates %v times per call, want 0", allocs)
	}
}

// TestTermsJS runs the text analysis of the theme's search.js under node
// and compares its terms with Terms, byte for byte: over the table above,
// every combination of the Arabic prefixes and suffixes with a few stems,
// the Arabic blocks and some others rune by rune, and every word of the
// site's content and translations.
func TestTermsJS(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node is not installed: search.js's termsOf() is not compared with fold.Terms")
	}
	src, err := os.ReadFile("../../themes/default/static/search.js")
	if err != nil {
		t.Fatal(err)
	}
	const begin, end = "// ---- text analysis", "// ---- end of text analysis"
	i, j := bytes.Index(src, []byte(begin)), bytes.Index(src, []byte(end))
	if i < 0 || j < i {
		t.Fatalf("search.js: no %q … %q section to test", begin, end)
	}
	script := filepath.Join(t.TempDir(), "terms.js")
	prog := "\"use strict\";\n" + string(src[i:j]) + `
const input = JSON.parse(require("fs").readFileSync(0, "utf8"));
process.stdout.write(JSON.stringify(input.map(termsOf)));
`
	if err := os.WriteFile(script, []byte(prog), 0o666); err != nil {
		t.Fatal(err)
	}

	inputs := jsInputs(t)
	in, err := json.Marshal(inputs)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(node, script)
	cmd.Stdin = bytes.NewReader(in)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node: %v\n%s", err, stderr.Bytes())
	}
	var got [][]string
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("node's output: %v", err)
	}
	if len(got) != len(inputs) {
		t.Fatalf("node gave %d results for %d inputs", len(got), len(inputs))
	}
	bad := 0
	for k, s := range inputs {
		if want := fold.Terms(s); !slices.Equal(got[k], want) {
			t.Errorf("terms(%q) = %q in search.js, %q in Go", s, got[k], want)
			if bad++; bad == 20 {
				t.Fatal("too many differences")
			}
		}
	}
	t.Logf("%d inputs compared", len(inputs))
}

// jsInputs returns the texts that TestTermsJS gives both sides.
func jsInputs(t *testing.T) []string {
	var inputs []string
	for _, tc := range termTests {
		inputs = append(inputs, tc.in)
	}

	// Every prefix and suffix, around stems of one to five letters, with
	// the spellings that folding makes one.
	prefixes := []string{"", "ال", "وال", "بال", "كال", "فال", "لل", "و", "ب", "ل", "ف", "ك", "ولل", "أل", "ٱل"}
	stems := []string{"م", "مو", "موص", "موصل", "دولة", "داعش", "إسلامي", "مدينة", "گوند", "موسڵ", "کوێ"}
	suffixes := []string{"", "ها", "ان", "ات", "ون", "ين", "يه", "ية", "ه", "ة", "ي", "ى", "اتها", "يها", "ِ", "ـ", "٣"}
	for _, p := range prefixes {
		for _, s := range stems {
			for _, x := range suffixes {
				inputs = append(inputs, p+s+x)
			}
		}
	}

	// Rune by rune: Latin, Greek and Cyrillic, the Arabic blocks and
	// presentation forms. Beyond these, Go's Unicode tables (15.0) and
	// node's may not agree on which runes are letters.
	for _, block := range [][2]rune{
		{0x0000, 0x052F}, {0x0600, 0x06FF}, {0x0750, 0x077F}, {0x08A0, 0x08FF},
		{0x1E00, 0x1FFF}, {0x2000, 0x206F}, {0xFB50, 0xFDFF}, {0xFE70, 0xFEFF},
	} {
		for r := block[0]; r <= block[1]; r++ {
			c := string(r)
			inputs = append(inputs, c, "a"+c+"B", "ال"+c+"ين", "موص"+c)
		}
	}

	// The site's own words, English and Arabic: content/ holds the
	// translations too.
	seen := map[string]bool{}
	err := filepath.WalkDir("../../content", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if ext := filepath.Ext(path); ext != ".md" && ext != ".yaml" {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, w := range strings.Fields(strings.ToValidUTF8(string(b), "\uFFFD")) {
			if !seen[w] {
				seen[w] = true
				inputs = append(inputs, w)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return inputs
}
