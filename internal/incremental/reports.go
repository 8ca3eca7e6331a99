package incremental

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"io"
	"os"
	"path/filepath"
	"unsafe"

	"gazette/internal/content"
)

// The cache folder keeps the reports' front matter as the last build read
// it (content.Memo), so that the next build reads the YAML of only the
// reports whose bytes changed. The file reports holds a reportsFormat
// header, the gazette binary that wrote it, the hash of the site.yaml the
// reports were read against, every report (its path, the SHA-256 of its
// file and what content.Memo made of it), and the SHA-256 of all that. A
// file that is not whole or is of another binary is ignored; a report
// whose file changed is read again, as is one whose entry cannot be
// decoded.
const reportsFormat = "gazette-reports-1\n"

// OpenReports returns the reports kept in the cache folder dir for a build
// by binary: an empty Memo when there are none it can use.
func OpenReports(dir string, binary [32]byte) *content.Memo {
	config, kept, ok := readReports(filepath.Join(dir, "reports"), binary)
	if !ok {
		return content.NewMemo([32]byte{}, nil)
	}
	return content.NewMemo(config, kept)
}

func readReports(name string, bin [32]byte) (config [32]byte, kept map[string]content.Memoed, ok bool) {
	raw, err := os.ReadFile(name)
	if err != nil || len(raw) < len(reportsFormat)+sha256.Size || string(raw[:len(reportsFormat)]) != reportsFormat {
		return config, nil, false
	}
	body, sum := raw[len(reportsFormat):len(raw)-sha256.Size], raw[len(raw)-sha256.Size:]
	if s := sha256.Sum256(body); !bytes.Equal(s[:], sum) {
		return config, nil, false
	}
	// The entries' bytes are slices of the file's, which nothing changes
	// after ReadFile (content.Memoed.Data).
	d := &decoder{b: body, s: unsafe.String(unsafe.SliceData(body), len(body))}
	var b [32]byte
	d.bytes(b[:])
	d.bytes(config[:])
	if d.err != nil || b != bin {
		return config, nil, false
	}
	n := d.count()
	kept = make(map[string]content.Memoed, n)
	for range n {
		path := d.str()
		var k content.Memoed
		d.bytes(k.Src[:])
		size := d.count()
		if d.err != nil {
			break
		}
		k.Data, d.b = d.b[:size:size], d.b[size:]
		kept[path] = k
	}
	if d.err != nil || len(d.b) != 0 {
		return config, nil, false
	}
	return config, kept, true
}

// SaveReports writes what m kept to the cache folder dir, replacing what
// was there in one step, unless it is what m began with.
func SaveReports(dir string, bin [32]byte, m *content.Memo) error {
	config, kept, changed := m.Kept()
	if !changed {
		return nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, "reports-*")
	if err != nil {
		return err
	}
	h := sha256.New()
	w := bufio.NewWriterSize(io.MultiWriter(tmp, h), 1<<16)
	if _, err := tmp.WriteString(reportsFormat); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	e := make([]byte, 0, 4096)
	e = append(e, bin[:]...)
	e = append(e, config[:]...)
	e = binary.AppendVarint(e, int64(len(kept)))
	for path, k := range kept {
		e = appendStr(e, path)
		e = append(e, k.Src[:]...)
		e = binary.AppendVarint(e, int64(len(k.Data)))
		e = append(e, k.Data...)
		w.Write(e) // an error stays in w, for Flush
		e = e[:0]
	}
	err = w.Flush()
	if err == nil {
		_, err = tmp.Write(h.Sum(nil))
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), filepath.Join(dir, "reports"))
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
	return err
}
