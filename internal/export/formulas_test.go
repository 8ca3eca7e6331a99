package export_test

import (
	"encoding/json"
	"strings"
	"testing"
	"testing/fstest"

	"gazette"
	"gazette/internal/build"
)

// TestCSVFormulas builds a site whose names and notes start with what a
// spreadsheet runs as a formula: in events.csv each such text cell, and
// each name of a list, starts with an apostrophe; the id, date and URL
// columns and events.json keep the values as written.
func TestCSVFormulas(t *testing.T) {
	files := map[string]string{}
	files["site.yaml"] = "title: Cut Off\nbase_url: https://example.org/cutoff/\n"
	files["cities/mosul.md"] = "---\nname: '=HYPERLINK(\"https://evil.example/\",\"Mosul\")'\n---\n"
	files["cities/nineveh.md"] = "---\nname: \"-3.5\"\n---\n"
	files["actors/isil.md"] = "---\nname: '@SUM(1+1)'\naliases: [Daesh]\n---\n"
	files["actors/itpc.md"] = "---\nname: \"+ITPC\"\n---\n"
	files["reports/2016-08-12-mosul.md"] = `---
title: T
date: 2016-08-12
sources: [{publisher: P}]
events:
  - {type: shutdown, where: [nineveh, mosul], by: [isil], via: [itpc], from: 2016-08, note: "=1+1", record: evil}
  - {type: restoration, where: [nineveh], from: 2016-09, note: "\tand a tab; -2"}
---
Text.
`
	files["records/evil.md"] = "---\ntitle: \"=cmd|'/c calc'!A1\"\ntype: shutdown\n---\n"
	project := fstest.MapFS{}
	for name, data := range files {
		project["content/"+name] = &fstest.MapFile{Data: []byte(data)}
	}
	mem := build.NewMemory()
	res, err := build.Run(build.Options{Project: project, Theme: gazette.DefaultTheme(), Output: mem})
	if err != nil || res.Errors > 0 {
		t.Fatalf("build: %v %v", err, res.Diagnostics)
	}
	out := mem.Files()
	csv := strings.Split(string(out["data/events.csv"]), "\r\n")
	want := []string{
		"id,record,report,report_date,type,services,scope,where,where_names,by,by_names,via,via_names,cause,from,from_precision,until,until_precision,period,note,url",
		`2016-08-12-mosul-1,evil,2016-08-12-mosul,2016-08-12,shutdown,,,nineveh;mosul,"'-3.5;'=HYPERLINK(""https://evil.example/"",""Mosul"")",isil,'@SUM(1+1),itpc,'+ITPC,,2016-08,month,,,2016-08/,'=1+1,https://example.org/cutoff/reports/2016-08-12-mosul/`,
		"2016-08-12-mosul-2,2016-08-12-mosul-2,2016-08-12-mosul,2016-08-12,restoration,,,nineveh,'-3.5,,,,,,2016-09,month,,,2016-09/,'\tand a tab; -2,https://example.org/cutoff/reports/2016-08-12-mosul/",
		"",
	}
	if strings.Join(csv, "\n") != strings.Join(want, "\n") {
		t.Errorf("events.csv:\n%s\nwant:\n%s", strings.Join(csv, "\n"), strings.Join(want, "\n"))
	}
	records := strings.Split(string(out["data/records.csv"]), "\r\n")
	if got, want := records[1], `2016-08-12-mosul-2,Restoration — -3.5,restoration,,,nineveh,'-3.5,,,,,,,,,,,,false,restored,2016-09,month,,/2016-09,2016-08-12-mosul,1,https://example.org/cutoff/records/2016-08-12-mosul-2/`; got != want {
		t.Errorf("records.csv, own record:\n got %s\nwant %s", got, want)
	}
	if got, want := records[2], `evil,'=cmd|'/c calc'!A1,shutdown,,,nineveh;mosul,"'-3.5;'=HYPERLINK(""https://evil.example/"",""Mosul"")",isil,'@SUM(1+1),itpc,'+ITPC,,,,,,2016-08,month,false,unknown,,,,2016-08/,2016-08-12-mosul,1,https://example.org/cutoff/records/evil/`; got != want {
		t.Errorf("records.csv, evil record:\n got %s\nwant %s", got, want)
	}
	var events []struct {
		Note string `json:"note"`
	}
	if err := json.Unmarshal(out["data/events.json"], &events); err != nil {
		t.Fatal(err)
	}
	if len(events) != 2 || events[0].Note != "=1+1" || events[1].Note != "\tand a tab; -2" {
		t.Errorf("events.json notes changed: %+v", events)
	}
	if !strings.Contains(string(out["data/entities.json"]), `"name": "-3.5"`) {
		t.Errorf("entities.json does not keep the name -3.5 as written")
	}
}
