package serve

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"testing"
)

// TestCheckAddr: listening beyond the loopback interface needs expose.
func TestCheckAddr(t *testing.T) {
	tests := []struct {
		addr string
		want string // "" when allowed without expose
	}{
		{"127.0.0.1:1313", ""},
		{"127.0.0.2:0", ""},
		{"[::1]:0", ""},
		{"localhost:0", ""},
		{"LocalHost:1313", ""},
		{"0.0.0.0:0", "--addr 0.0.0.0:0 listens beyond this machine (on every network interface); pass --expose to allow that, or use --addr 127.0.0.1:PORT"},
		{":0", "--addr :0 listens beyond this machine (on every network interface); pass --expose to allow that, or use --addr 127.0.0.1:PORT"},
		{"[::]:0", "--addr [::]:0 listens beyond this machine (on every network interface); pass --expose to allow that, or use --addr 127.0.0.1:PORT"},
		{"192.168.1.5:80", "--addr 192.168.1.5:80 listens beyond this machine (on 192.168.1.5); pass --expose to allow that, or use --addr 127.0.0.1:PORT"},
		{"myhost:1313", "--addr myhost:1313 listens beyond this machine (on myhost); pass --expose to allow that, or use --addr 127.0.0.1:PORT"},
	}
	for _, tc := range tests {
		got := ""
		if err := CheckAddr(tc.addr, false); err != nil {
			got = err.Error()
		}
		if got != tc.want {
			t.Errorf("CheckAddr(%q, false) = %q, want %q", tc.addr, got, tc.want)
		}
		if err := CheckAddr(tc.addr, true); err != nil {
			t.Errorf("CheckAddr(%q, true) = %v", tc.addr, err)
		}
	}
	for _, bad := range []string{"1313", "127.0.0.1", ""} {
		want := "--addr " + bad + " is not HOST:PORT, such as 127.0.0.1:1313"
		if err := CheckAddr(bad, true); err == nil || err.Error() != want {
			t.Errorf("CheckAddr(%q, true) = %v, want %q", bad, err, want)
		}
	}
}

type fakeListener struct {
	net.Listener
	addr net.Addr
}

func (f fakeListener) Addr() net.Addr { return f.addr }

// TestHosts: the Host headers a server answers to, by where it listens.
func TestHosts(t *testing.T) {
	loop := fakeListener{addr: &net.TCPAddr{IP: net.ParseIP("127.0.0.1"), Port: 1313}}
	lan := fakeListener{addr: &net.TCPAddr{IP: net.ParseIP("192.0.2.7"), Port: 1313}}
	tests := []struct {
		ln     net.Listener
		expose bool
		host   string
		want   bool
	}{
		{loop, false, "127.0.0.1:1313", true},
		{loop, false, "127.0.0.1", true},
		{loop, false, "localhost:1313", true},
		{loop, false, "LOCALHOST.:1313", true},
		{loop, false, "site.localhost:1313", true},
		{loop, false, "[::1]:1313", true},
		{loop, false, "127.1.2.3:1313", true},
		{loop, false, "evil.example:1313", false},
		{loop, false, "evil.example", false},
		{loop, false, "localhost.evil.example", false},
		{loop, false, "127.0.0.1.nip.io:1313", false},
		{loop, false, "192.0.2.7:1313", false},
		{loop, false, "", false},
		{lan, true, "192.0.2.7:1313", true},
		{lan, true, "localhost:1313", true},
		{lan, true, "192.0.2.8:1313", false},
		{lan, true, "rebind.attacker.example:1313", false},
	}
	for _, tc := range tests {
		h := newHosts(tc.ln, tc.expose)
		if got := h.allows(tc.host); got != tc.want {
			t.Errorf("listening on %s (expose %v): allows(%q) = %v, want %v", tc.ln.Addr(), tc.expose, tc.host, got, tc.want)
		}
	}
}

// TestHTTPServer checks what Run's server is made of: a Host check in
// front of the site (421 for another host), and limits on slow and idle
// connections.
func TestHTTPServer(t *testing.T) {
	ln := fakeListener{addr: &net.TCPAddr{IP: net.ParseIP("127.0.0.1"), Port: 1313}}
	ok := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusTeapot) })
	srv := httpServer(context.Background(), ln, ok, false)
	if srv.ReadHeaderTimeout <= 0 || srv.IdleTimeout <= 0 {
		t.Errorf("ReadHeaderTimeout %v, IdleTimeout %v: want both set", srv.ReadHeaderTimeout, srv.IdleTimeout)
	}
	for host, want := range map[string]int{"127.0.0.1:1313": http.StatusTeapot, "localhost:1313": http.StatusTeapot, "attacker.example:1313": http.StatusMisdirectedRequest} {
		r := httptest.NewRequest("GET", "/", nil)
		r.Host = host
		w := httptest.NewRecorder()
		srv.Handler.ServeHTTP(w, r)
		if w.Code != want {
			t.Errorf("Host %s: status %d, want %d", host, w.Code, want)
		}
	}
}
