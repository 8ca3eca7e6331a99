package build

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// edtfDate and edtfInterval are the EDTF (ISO 8601-2) level 0 and 1 forms
// the exports use: a year, month or day, and intervals with an open ("..")
// or unknown ("") end.
var (
	edtfDate     = `\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?`
	edtfInterval = regexp.MustCompile(`^(` + edtfDate + `|` + edtfDate + `/(` + edtfDate + `|\.\.)?|/` + edtfDate + `)$`)
)

// The repository site's records, as a CSV reader sees them: one row per
// shutdown, the Mosul mobile cut once, restored in October 2016, with both
// reports that saw it; every date EDTF; the Data Package describing the
// columns as they are.
func TestRepositoryRecords(t *testing.T) {
	out, res := repository(t)
	if res.Errors > 0 {
		t.Fatalf("build: %d errors", res.Errors)
	}
	readCSV := func(name string) []map[string]string {
		t.Helper()
		b, err := os.ReadFile(filepath.Join(out, "data", name))
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasPrefix(string(b), "\uFEFF") {
			t.Errorf("%s starts with a byte-order mark", name)
		}
		rows, err := csv.NewReader(strings.NewReader(string(b))).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var out []map[string]string
		for _, row := range rows[1:] {
			m := map[string]string{"": strings.Join(rows[0], ",")}
			for i, h := range rows[0] {
				m[h] = row[i]
			}
			out = append(out, m)
		}
		return out
	}
	records := readCSV("records.csv")
	var mosulMobile []map[string]string
	for _, r := range records {
		for _, col := range []string{"start", "end", "as_of"} {
			if v := r[col]; v != "" && !edtfInterval.MatchString(v) || strings.Contains(v, "/") {
				t.Errorf("record %s: %s %q is not an EDTF date", r["id"], col, v)
			}
		}
		if !edtfInterval.MatchString(r["period"]) {
			t.Errorf("record %s: period %q is not EDTF", r["id"], r["period"])
		}
		if strings.Contains(r["where"], "mosul") && r["services"] == "mobile" && r["type"] == "shutdown" {
			mosulMobile = append(mosulMobile, r)
		}
	}
	if len(mosulMobile) != 1 {
		t.Fatalf("%d mobile shutdown records in Mosul, want 1", len(mosulMobile))
	}
	m := mosulMobile[0]
	got := strings.Join([]string{m["id"], m["start"], m["start_precision"], m["status"], m["end"], m["end_precision"], m["period"], m["evidence"], m["by"], m["restored_by"], m["where_names_ar"]}, " | ")
	want := "mosul-mobile-2014 | 2014-11 | month | restored | 2016-10 | month | 2014-11/2016-10 | 2014-12-01-isil-suspends-mobile-service-in-mosul;2016-10-17-isil-closes-mosul-internet-cafes;2016-11-01-forces-restore-mobile-service-in-mosul | isil | iraqi-army;iraqi-security-forces;peshmerga | الموصل"
	if got != want {
		t.Errorf("Mosul mobile record:\n got %s\nwant %s", got, want)
	}

	events := readCSV("events.csv")
	ids := map[string]bool{}
	for _, r := range records {
		ids[r["id"]] = true
	}
	for _, e := range events {
		if !ids[e["record"]] {
			t.Errorf("event %s names record %q, which records.csv lacks", e["id"], e["record"])
		}
		if !edtfInterval.MatchString(e["period"]) {
			t.Errorf("event %s: period %q is not EDTF", e["id"], e["period"])
		}
	}

	var pkg struct {
		Resources []struct {
			Name, Path string
			Schema     struct {
				Fields []struct{ Name, Type string }
			}
		}
	}
	b, err := os.ReadFile(filepath.Join(out, "data", "datapackage.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &pkg); err != nil {
		t.Fatal(err)
	}
	for _, res := range pkg.Resources {
		rows := readCSV(res.Path)
		var fields []string
		for _, f := range res.Schema.Fields {
			fields = append(fields, f.Name)
		}
		if header := strings.Split(rows[0][""], ","); !slices.Equal(fields, header) {
			t.Errorf("datapackage.json %s: fields %v, CSV header %v", res.Name, fields, header)
		}
	}
	if len(pkg.Resources) != 2 {
		t.Errorf("datapackage.json has %d resources, want 2", len(pkg.Resources))
	}
}
