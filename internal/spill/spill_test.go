package spill

import (
	"bytes"
	"fmt"
	"os"
	"sync"
	"testing"
)

func TestPutGet(t *testing.T) {
	dir := t.TempDir()
	s, err := New(dir)
	if err != nil {
		t.Fatal(err)
	}
	// Written from several goroutines at once, each string reads back whole.
	want := make([][]byte, 200)
	refs := make([]Ref, len(want))
	var wg sync.WaitGroup
	for i := range want {
		want[i] = bytes.Repeat([]byte(fmt.Sprintf("<p>%d</p>", i)), i)
		wg.Add(1)
		go func() {
			defer wg.Done()
			r, err := s.Put(want[i])
			if err != nil {
				t.Error(err)
			}
			refs[i] = r
		}()
	}
	wg.Wait()
	for i, r := range refs {
		got, err := s.Get(r)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want[i]) || r.Len() != len(want[i]) {
			t.Fatalf("string %d: got %q, want %q", i, got, want[i])
		}
		if str, err := s.GetString(r); err != nil || str != string(want[i]) {
			t.Fatalf("GetString %d: got %q, %v; want %q", i, str, err, want[i])
		}
	}
	if r, err := s.PutString("<p>الموصل</p>"); err != nil {
		t.Fatal(err)
	} else if got, err := s.GetString(r); err != nil || got != "<p>الموصل</p>" {
		t.Fatalf("PutString, GetString: %q, %v", got, err)
	}
	// Nothing is left in the folder, even while the file is open.

	if ents, _ := os.ReadDir(dir); len(ents) != 0 && s.name == "" {
		t.Errorf("folder holds %d files, want none", len(ents))
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Get(refs[3]); err == nil {
		t.Error("Get after Close: no error")
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 0 {
		t.Errorf("after Close the folder holds %d files, want none", len(ents))
	}
}

// After a failed write, Put refuses at once.
func TestFailed(t *testing.T) {
	s, err := New(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	s.f.Close() // every write fails from here, as on a full disk
	if _, err := s.Put([]byte("a")); err == nil || err == ErrFailed {
		t.Fatalf("first Put after the failure: %v, want the write's error", err)
	}
	if _, err := s.Put([]byte("b")); err != ErrFailed {
		t.Fatalf("second Put: %v, want ErrFailed", err)
	}
}
