package output_test

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"gazette/internal/output"
)

// site writes a finished site with the given index.html into out.
func site(t *testing.T, out, index string) {
	t.Helper()
	d, err := output.Begin(out)
	if err != nil {
		t.Fatal(err)
	}
	if err := d.WriteFile("index.html", []byte(index)); err != nil {
		t.Fatal(err)
	}
	if err := d.WriteFile("a/b/c.html", []byte("c")); err != nil {
		t.Fatal(err)
	}
	f, err := d.Create("a/d/e.json")
	if err == nil {
		_, err = f.Write([]byte("e"))
		err = errors.Join(err, f.Close())
	}
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
}

func read(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestReplace(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	site(t, out, "one")
	site(t, out, "two")
	if got := read(t, filepath.Join(out, "index.html")); got != "two" {
		t.Errorf("index.html = %q", got)
	}
	if got := read(t, filepath.Join(out, "a/d/e.json")); got != "e" {
		t.Errorf("a/d/e.json = %q", got)
	}
	entries, _ := os.ReadDir(parent)
	if len(entries) != 1 {
		t.Errorf("parent holds %d entries, want only public/", len(entries))
	}
}

// TestRefuse checks the folders gazette will not replace, and that it
// leaves them exactly as they were.
func TestRefuse(t *testing.T) {
	parent := t.TempDir()
	foreign := filepath.Join(parent, "docs")
	os.MkdirAll(foreign, 0o755)
	os.WriteFile(filepath.Join(foreign, "notes.md"), []byte("mine"), 0o644)
	file := filepath.Join(parent, "file")
	os.WriteFile(file, []byte("mine"), 0o644)
	link := filepath.Join(parent, "link")
	os.Symlink(foreign, link)

	for _, c := range []struct{ out, want string }{
		{foreign, "it was not built by gazette"},
		{file, "it is a file, not a folder"},
		{link, "it is a symbolic link"},
		{"/", "refusing to use the root folder"},
	} {
		_, err := output.Begin(c.out)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Begin(%s) = %v, want %q", c.out, err, c.want)
		}
	}
	if read(t, filepath.Join(foreign, "notes.md")) != "mine" || read(t, file) != "mine" {
		t.Error("a refused folder changed")
	}
	if entries, _ := os.ReadDir(parent); len(entries) != 3 {
		t.Errorf("parent holds %d entries, want the 3 it had", len(entries))
	}
}

// TestChangedDuringBuild: a folder that someone fills while the build runs
// is not replaced either.
func TestChangedDuringBuild(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	d, err := output.Begin(out)
	if err != nil {
		t.Fatal(err)
	}
	d.WriteFile("index.html", []byte("new"))
	os.MkdirAll(out, 0o755)
	os.WriteFile(filepath.Join(out, "thesis.tex"), []byte("mine"), 0o644)
	if err := d.Commit(); err == nil {
		t.Fatal("Commit replaced a folder that is not gazette's")
	}
	if read(t, filepath.Join(out, "thesis.tex")) != "mine" {
		t.Error("thesis.tex changed")
	}
	if entries, _ := os.ReadDir(filepath.Dir(out)); len(entries) != 1 {
		t.Errorf("the temporary folder was left behind: %d entries", len(entries))
	}
}

// TestLeftovers: temporary folders left by killed builds are removed when
// they hold the marker, or nothing; anything else with a similar name, and
// a folder a running build holds, are left alone.
func TestLeftovers(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	site(t, out, "old")

	ours := filepath.Join(parent, ".public.tmp-111")
	os.MkdirAll(filepath.Join(ours, "reports"), 0o755)
	os.WriteFile(filepath.Join(ours, output.Marker), []byte("x"), 0o644)
	os.WriteFile(filepath.Join(ours, "reports", "index.html"), []byte("x"), 0o644)
	empty := filepath.Join(parent, ".public.tmp-222")
	os.Mkdir(empty, 0o755)
	// Not ours: no marker, though it holds only the kinds of files a site
	// holds, and a file without an extension.
	theirs := filepath.Join(parent, ".public.tmp-backup")
	os.MkdirAll(theirs, 0o755)
	os.WriteFile(filepath.Join(theirs, "index.html"), []byte("mine"), 0o644)
	os.WriteFile(filepath.Join(theirs, "Makefile"), []byte("mine"), 0o644)
	markerFolder := filepath.Join(parent, ".public.tmp-markerdir")
	os.MkdirAll(filepath.Join(markerFolder, output.Marker), 0o755)
	other := filepath.Join(parent, ".publications.tmp-1")
	os.MkdirAll(other, 0o755)
	os.WriteFile(filepath.Join(other, output.Marker), []byte("x"), 0o644)

	running, err := output.Begin(out) // a build in progress
	if err != nil {
		t.Fatal(err)
	}
	running.WriteFile("index.html", []byte("running"))

	site(t, out, "new") // a second build, while the first runs

	for _, gone := range []string{ours, empty} {
		if _, err := os.Stat(gone); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%s was not removed", filepath.Base(gone))
		}
	}
	for _, kept := range []string{filepath.Join(theirs, "index.html"), filepath.Join(theirs, "Makefile"), filepath.Join(markerFolder, output.Marker), filepath.Join(other, output.Marker)} {
		if _, err := os.Stat(kept); err != nil {
			t.Errorf("%s was removed", kept)
		}
	}
	if err := running.Commit(); err != nil {
		t.Fatalf("the running build lost its folder: %v", err)
	}
	if got := read(t, filepath.Join(out, "index.html")); got != "running" {
		t.Errorf("index.html = %q", got)
	}
}

// TestBadNames: no name a later stage makes can leave the folder.
func TestBadNames(t *testing.T) {
	parent := t.TempDir()
	d, err := output.Begin(filepath.Join(parent, "public"))
	if err != nil {
		t.Fatal(err)
	}
	defer d.Abort()
	for _, name := range []string{"", "../x", "/etc/x", "a/../../x", `a\..\..\x`, "a//b", "./x", output.Marker, "a/."} {
		if err := d.WriteFile(name, []byte("x")); err == nil {
			t.Errorf("WriteFile(%q) succeeded", name)
		}
		if f, err := d.Create(name); err == nil {
			f.Close()
			t.Errorf("Create(%q) succeeded", name)
		}
	}
	if entries, _ := os.ReadDir(parent); len(entries) != 1 {
		t.Errorf("parent holds %d entries", len(entries))
	}
}

// TestReadOnly: a parent folder that cannot be written, and an output
// folder that cannot be moved, give a clear error and keep the old site.
// As root, permissions do not stop a write, so the test makes the folder
// immutable with chattr instead.
func TestReadOnly(t *testing.T) {
	lock := func(t *testing.T, dir string) {
		t.Helper()
		if os.Geteuid() != 0 {
			os.Chmod(dir, 0o555)
			t.Cleanup(func() { os.Chmod(dir, 0o755) })
			return
		}
		if err := exec.Command("chattr", "+i", dir).Run(); err != nil {
			t.Skip("running as root without chattr:", err)
		}
		t.Cleanup(func() { exec.Command("chattr", "-i", dir).Run() })
	}
	t.Run("parent", func(t *testing.T) {
		parent := filepath.Join(t.TempDir(), "ro")
		os.Mkdir(parent, 0o755)
		out := filepath.Join(parent, "public")
		site(t, out, "old")
		lock(t, parent)
		_, err := output.Begin(out)
		if err == nil || !strings.Contains(err.Error(), "cannot write beside "+out) {
			t.Errorf("Begin: %v", err)
		}
		if read(t, filepath.Join(out, "index.html")) != "old" {
			t.Error("the old site changed")
		}
	})
	t.Run("output folder", func(t *testing.T) {
		out := filepath.Join(t.TempDir(), "public")
		site(t, out, "old")
		lock(t, out)
		d, err := output.Begin(out)
		if err != nil {
			t.Fatal(err)
		}
		d.WriteFile("index.html", []byte("new"))
		err = d.Commit()
		if os.Geteuid() == 0 && err == nil {
			// An immutable folder can still be renamed on some file
			// systems; then it was replaced whole, which is also fine.
			t.Skip("the file system renamed an immutable folder")
		}
		if err != nil && !strings.Contains(err.Error(), "cannot replace "+out) {
			t.Errorf("Commit: %v", err)
		}
		if err != nil && read(t, filepath.Join(out, "index.html")) != "old" {
			t.Error("the old site changed")
		}
		if entries, _ := os.ReadDir(filepath.Dir(out)); err != nil && len(entries) != 1 {
			t.Errorf("the temporary folder was left behind")
		}
	})
}

// TestFullDisk fills a small file system and checks that the failed write
// is reported and the old site kept. It needs to mount one, so it runs
// only as root, in a mount namespace of its own that vanishes with it.
func TestFullDisk(t *testing.T) {
	if dir := os.Getenv("GAZETTE_TEST_FULL_DISK"); dir != "" {
		fullDisk(t, dir)
		return
	}
	if os.Geteuid() != 0 {
		t.Skip("needs root to mount a small file system")
	}
	dir := t.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run=^TestFullDisk$", "-test.v")
	cmd.Env = append(os.Environ(), "GAZETTE_TEST_FULL_DISK="+dir)
	cmd.SysProcAttr = &syscall.SysProcAttr{Unshareflags: syscall.CLONE_NEWNS}
	out, err := cmd.CombinedOutput()
	if strings.Contains(string(out), "SKIP") || (err != nil && strings.Contains(string(out), "operation not permitted")) {
		t.Skipf("cannot mount here:\n%s", out)
	}
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	t.Logf("%s", out)
}

func fullDisk(t *testing.T, dir string) {
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, "size=512k"); err != nil {
		t.Skip("mount:", err)
	}
	defer syscall.Unmount(dir, 0)
	out := filepath.Join(dir, "public")
	site(t, out, "old")
	d, err := output.Begin(out)
	if err != nil {
		t.Fatal(err)
	}
	big := []byte(strings.Repeat("x", 64<<10))
	var werr error
	for i := 0; i < 100 && werr == nil; i++ {
		werr = d.WriteFile(filepath.Join("reports", strings.Repeat("r", i+1), "index.html"), big)
	}
	if !errors.Is(werr, syscall.ENOSPC) {
		t.Fatalf("writing 6 MB to 512 kB: %v", werr)
	}
	t.Logf("write failed as it should: %v", werr)
	d.Abort()
	if read(t, filepath.Join(out, "index.html")) != "old" {
		t.Error("the old site changed")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("%d entries left beside public/", len(entries))
	}
}
