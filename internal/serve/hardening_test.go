package serve

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestLongURLs sends request lines far longer than any real page address:
// the server answers each with a plain 404 or 431, and stays up.
func TestLongURLs(t *testing.T) {
	dir := t.TempDir()
	writeSite(t, dir, site)
	base, stop := start(t, dir)
	defer stop()
	addr := strings.TrimPrefix(base, "http://")
	for _, n := range []int{1 << 10, 64 << 10, 2 << 20} {
		conn, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		conn.SetDeadline(time.Now().Add(10 * time.Second))
		path := "/" + strings.Repeat("a/../", n/5)
		fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n", path, addr)
		resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
		if err != nil {
			conn.Close()
			t.Fatalf("%d-byte URL: %v", len(path), err)
		}
		io.Copy(io.Discard, resp.Body)
		conn.Close()
		if resp.StatusCode != http.StatusNotFound && resp.StatusCode != http.StatusRequestHeaderFieldsTooLarge {
			t.Errorf("%d-byte URL: status %d, want 404 or 431", len(path), resp.StatusCode)
		}
	}
	if code, _, _ := get(t, base+"/"); code != 200 {
		t.Errorf("after long URLs, GET /: %d", code)
	}
}

// TestSlowClients opens connections that send their headers a byte at a
// time and never finish: pages are still served to everyone else at once.
func TestSlowClients(t *testing.T) {
	dir := t.TempDir()
	writeSite(t, dir, site)
	base, stop := start(t, dir)
	defer stop()
	addr := strings.TrimPrefix(base, "http://")
	var conns []net.Conn
	for range 64 {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(c, "GET / HTTP/1.1\r\nHost: %s\r\nX-Slow: ", addr)
		conns = append(conns, c)
	}
	defer func() {
		for _, c := range conns {
			c.Close()
		}
	}()
	client := &http.Client{Timeout: 5 * time.Second}
	for i := range 20 {
		resp, err := client.Get(base + "/reports/2016-08-12-dark/")
		if err != nil {
			t.Fatalf("request %d beside 64 slow clients: %v", i, err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 {
			t.Fatalf("request %d: status %d", i, resp.StatusCode)
		}
	}
}

// TestLoad sends a bounded burst over loopback: 16 clients, 2,000 requests
// in all, a mix of pages, assets, misses and traversal attempts. Every
// answer must be the expected status; none may fail. With -short each
// client sends 25 requests, 400 in all.
func TestLoad(t *testing.T) {
	perClient := 125
	if testing.Short() {
		perClient = 25
	}
	dir := t.TempDir()
	writeSite(t, dir, site)
	base, stop := start(t, dir)
	defer stop()
	paths := map[string]int{
		"/": 200, "/reports/2016-08-12-dark/": 200, "/style.css": 200, "/cities/mosul/": 200,
		"/search/manifest.js": 200, "/nope/": 404, "/%2e%2e/etc/passwd": 404, "/feed.xml": 200,
	}
	var keys []string
	for p := range paths {
		keys = append(keys, p)
	}
	client := &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: 16}}
	var wg sync.WaitGroup
	var mu sync.Mutex
	var failures []string
	deadline := time.Now().Add(60 * time.Second)
	for w := range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range perClient {
				if time.Now().After(deadline) {
					return
				}
				p := keys[(w+i)%len(keys)]
				resp, err := client.Get(base + p)
				if err != nil {
					mu.Lock()
					failures = append(failures, fmt.Sprintf("GET %s: %v", p, err))
					mu.Unlock()
					continue
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if resp.StatusCode != paths[p] {
					mu.Lock()
					failures = append(failures, fmt.Sprintf("GET %s: %d, want %d", p, resp.StatusCode, paths[p]))
					mu.Unlock()
				}
			}
		}()
	}
	wg.Wait()
	// A connection dialled but never used counts as new, not idle, and
	// http.Server.Shutdown waits 5 s for those: close them first.
	client.CloseIdleConnections()
	if time.Now().After(deadline) {
		t.Errorf("%d requests did not finish within 60 s", 16*perClient)
	}
	for _, f := range failures[:min(len(failures), 10)] {
		t.Error(f)
	}
}
