package site_test

import (
	"fmt"
	"strings"
	"testing"

	"gazette/internal/site"
	"gazette/internal/site/evidence"
)

// describe prints a record the way its page answers the reader's question:
// what, where, by whom, from, to, and from which evidence.
func describe(r *site.Record) string {
	names := func(list []*site.Entity) string {
		var out []string
		for _, e := range list {
			out = append(out, e.ID)
		}
		return strings.Join(out, ",")
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s own=%v %s [%s]", r.ID, r.Own, r.Type, strings.Join(r.Services, ","))
	for _, p := range r.Roles {
		fmt.Fprintf(&b, " %s=%s", p.Role, names(p.Entities))
	}
	fmt.Fprintf(&b, " start=%s", r.Start.Date)
	if r.Start.Disputed {
		fmt.Fprintf(&b, " (disputed %v)", r.Start.Dates)
	}
	fmt.Fprintf(&b, " %s", r.Status.State)
	switch r.Status.State {
	case evidence.Ongoing:
		fmt.Fprintf(&b, " as of %s", r.Status.AsOf)
	case evidence.Ended, evidence.Restored:
		fmt.Fprintf(&b, " %s", r.Status.End.Date)
		if r.Status.End.Disputed {
			fmt.Fprintf(&b, " (disputed %v)", r.Status.End.Dates)
		}
	}
	if len(r.RestoredBy) > 0 {
		fmt.Fprintf(&b, " restored-by=%s", names(r.RestoredBy))
	}
	var ev []string
	for _, e := range r.Evidence {
		ev = append(ev, e.Report.Slug)
	}
	for _, e := range r.Endings {
		ev = append(ev, "end:"+e.Report.Slug)
	}
	fmt.Fprintf(&b, " evidence=%s", strings.Join(ev, ","))
	return b.String()
}

// Two reports that see the same cut are one record; a restoration ends it;
// an event that names no record is a record of its own.
func TestRecords(t *testing.T) {
	s, diags := resolve(with(map[string]string{
		"records/mosul-mobile.md":  "---\ntitle: ISIL cuts mobile service in Mosul\ntype: shutdown\nservices: [mobile]\nwhere: [mosul]\nby: [isil]\n---\nOne cut, seen twice.\n",
		"records/baghdad-block.md": "---\ntitle: Block in Baghdad\ntype: block\n---\n",
		"reports/2014-12-01-a.md": report("2014-12-01", []string{
			"events:",
			"  - {record: mosul-mobile, from: 2014-11, until: ongoing}",
			"  - {type: block, services: [vpn], where: [baghdad], by: [itpc], from: 2014-06, until: ongoing, record: baghdad-block}",
		}, ""),
		"reports/2016-11-01-b.md": report("2016-11-01", []string{
			"events:",
			"  - {type: shutdown, services: [mobile], where: [mosul], by: [isil], via: [korek], record: mosul-mobile, from: 2014, until: 2016-10}",
			"  - {type: restoration, services: [mobile], where: [mosul], by: [iraqi-government], record: mosul-mobile, from: 2016-10}",
			"  - {type: block, where: [baghdad], record: baghdad-block, from: 2014-08, until: ongoing}",
			"  - {type: ban, services: [mobile], where: [mosul], by: [isil], from: 2014, until: unknown}",
		}, ""),
	}), site.Options{})
	if len(diags) > 0 {
		t.Fatalf("diagnostics:\n%s", strings.Join(diags, "\n"))
	}
	var got []string
	for _, r := range s.Records {
		got = append(got, describe(r))
	}
	want := []string{
		"2016-11-01-b-4 own=true ban [mobile] where=mosul by=isil start=2014 unknown evidence=2016-11-01-b",
		"baghdad-block own=false block [vpn] where=baghdad by=itpc start=2014-06 (disputed [2014-06 2014-08]) ongoing as of 2016-11-01 evidence=2014-12-01-a,2016-11-01-b",
		"mosul-mobile own=false shutdown [mobile] where=mosul by=isil via=korek start=2014-11 restored 2016-10 restored-by=iraqi-government evidence=2014-12-01-a,2016-11-01-b,end:2016-11-01-b",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("records:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	rep := findReport(t, s, "2016-11-01-b")
	var ids []string
	for _, r := range rep.Records {
		ids = append(ids, r.ID)
	}
	if got, want := strings.Join(ids, " "), "mosul-mobile baghdad-block 2016-11-01-b-4"; got != want {
		t.Errorf("report records = %q, want %q", got, want)
	}
	mosul := findEntity(t, s, "city", "mosul")
	var refs []string
	for _, r := range mosul.Records {
		refs = append(refs, r.ID+":"+r.Role)
	}
	if got, want := strings.Join(refs, " "), "2016-11-01-b-4:where mosul-mobile:where"; got != want {
		t.Errorf("mosul records = %q, want %q", got, want)
	}
	gov := findEntity(t, s, "actor", "iraqi-government")
	refs = nil
	for _, r := range gov.Records {
		refs = append(refs, r.ID+":"+r.Role)
	}
	// ITPC is within the government: its block rolls up; the restoration is
	// the government's own.
	if got, want := strings.Join(refs, " "), "baghdad-block:by mosul-mobile:restored"; got != want {
		t.Errorf("government records = %q, want %q", got, want)
	}
}

// A restoration that names no record is a record of its own, restored.
func TestRecordOfARestoration(t *testing.T) {
	s, diags := resolve(with(map[string]string{
		"reports/2015-11-01-a.md": report("2015-11-01", []string{
			"events: [{type: restoration, services: [mobile], where: [erbil], by: [korek], from: 2015-11}]",
		}, ""),
	}), site.Options{})
	if len(diags) > 0 {
		t.Fatalf("diagnostics:\n%s", strings.Join(diags, "\n"))
	}
	if len(s.Records) != 1 {
		t.Fatalf("%d records, want 1", len(s.Records))
	}
	want := "2015-11-01-a-1 own=true restoration [mobile] where=erbil start= restored 2015-11 restored-by=korek evidence=2015-11-01-a"
	if got := describe(s.Records[0]); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

// A source's publisher that is an entity's name or alias makes the report
// one the entity published; a publisher that names no entity, or two, is
// left alone.
func TestPublished(t *testing.T) {
	s, diags := resolve(with(map[string]string{
		"actors/reuters.md":       "---\nname: Reuters\naliases: [Thomson Reuters]\n---\n",
		"reports/2014-06-16-a.md": "---\ntitle: A\ndate: 2014-06-16\nsources: [{publisher: thomson reuters}, {publisher: Reuters}, {publisher: Nobody}]\nactors: [reuters]\ncities: [iraq]\n---\n",
		"reports/2014-06-17-b.md": "---\ntitle: B\ndate: 2014-06-17\nsources: [{publisher: REUTERS}]\nactors: [reuters]\ncities: [iraq]\n---\n",
	}), site.Options{})
	if len(diags) > 0 {
		t.Fatalf("diagnostics:\n%s", strings.Join(diags, "\n"))
	}
	e := findEntity(t, s, "actor", "reuters")
	if got := slugs(e.Published, func(r *site.Report) string { return r.Slug }); got != "2014-06-17-b 2014-06-16-a" {
		t.Errorf("Published = %q", got)
	}
	if p := findEntity(t, s, "actor", "isil").Published; len(p) != 0 {
		t.Errorf("ISIL published %d reports", len(p))
	}
}
