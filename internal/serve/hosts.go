package serve

import (
	"fmt"
	"net"
	"net/http"
	"os"
	"strings"
)

// CheckAddr returns an error when addr would listen beyond this machine
// and expose is false. A development server shows drafts and the errors
// of unfinished work, so it listens on the loopback interface unless told
// otherwise: an empty host (":1313"), an unspecified address (0.0.0.0,
// [::]), another address or a host name other than localhost all need
// --expose.
func CheckAddr(addr string, expose bool) error {
	if _, _, err := net.SplitHostPort(addr); err != nil {
		return fmt.Errorf("--addr %s is not HOST:PORT, such as 127.0.0.1:1313", addr)
	}
	if expose || loopbackAddr(addr) {
		return nil
	}
	return fmt.Errorf("--addr %s listens beyond this machine (%s); pass --expose to allow that, or use --addr 127.0.0.1:PORT", addr, reach(addr))
}

// CheckListener is CheckAddr for the address a listener got, in case a
// name resolved to an address that is not loopback.
func CheckListener(ln net.Listener, expose bool) error {
	if expose {
		return nil
	}
	if a, ok := ln.Addr().(*net.TCPAddr); ok && a.IP.IsLoopback() {
		return nil
	}
	return fmt.Errorf("--addr listens on %s, beyond this machine; pass --expose to allow that, or use --addr 127.0.0.1:PORT", ln.Addr())
}

func loopbackAddr(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// reach says in words where addr listens.
func reach(addr string) string {
	host, _, _ := net.SplitHostPort(addr)
	if ip := net.ParseIP(host); host == "" || (ip != nil && ip.IsUnspecified()) {
		return "on every network interface"
	}
	return "on " + host
}

// hosts is the set of Host header values a server answers to: the names
// and addresses by which a browser on this machine reaches it, and the
// address it listens on. A request for any other host is refused, so that
// a web page whose name an attacker points at 127.0.0.1 (DNS rebinding)
// cannot read the site, its drafts or its error pages.
type hosts struct {
	ips   []net.IP
	names map[string]bool
	any   bool // listening on every interface: any of this machine's addresses
}

// newHosts returns the hosts of a server listening on ln; exposed says
// whether it may listen beyond this machine.
func newHosts(ln net.Listener, exposed bool) *hosts {
	h := &hosts{names: map[string]bool{"localhost": true}}
	if a, ok := ln.Addr().(*net.TCPAddr); ok {
		h.ips = append(h.ips, a.IP)
		h.any = a.IP.IsUnspecified()
	}
	if exposed {
		if h.any {
			if addrs, err := net.InterfaceAddrs(); err == nil {
				for _, a := range addrs {
					if n, ok := a.(*net.IPNet); ok {
						h.ips = append(h.ips, n.IP)
					}
				}
			}
		}
		// The machine's own name, as other machines on the network may
		// know it.
		if name, err := os.Hostname(); err == nil && name != "" {
			name = strings.ToLower(name)
			first, _, _ := strings.Cut(name, ".")
			h.names[name] = true
			h.names[first] = true
			h.names[first+".local"] = true
		}
	}
	return h
}

// allows reports whether hostport, a request's Host, is one of h.
func (h *hosts) allows(hostport string) bool {
	host := hostport
	if hp, _, err := net.SplitHostPort(hostport); err == nil {
		host = hp
	}
	host = strings.TrimSuffix(strings.ToLower(strings.Trim(host, "[]")), ".")
	if h.names[host] || strings.HasSuffix(host, ".localhost") {
		return true
	}
	ip := net.ParseIP(host)
	if ip == nil {
		return false
	}
	if ip.IsLoopback() {
		return true
	}
	for _, own := range h.ips {
		if own.Equal(ip) {
			return true
		}
	}
	return false
}

// checkHost wraps next: a request whose Host is not one of h gets 421
// Misdirected Request.
func checkHost(h *hosts, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !h.allows(r.Host) {
			http.Error(w, fmt.Sprintf("gazette serve does not answer to the host %q: open the site at localhost or 127.0.0.1 (a page elsewhere cannot read it through a name of its own)", r.Host), http.StatusMisdirectedRequest)
			return
		}
		next.ServeHTTP(w, r)
	})
}
