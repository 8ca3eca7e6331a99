// Package linkurl reads a link's destination as a browser will: its
// scheme, and whether it leaves for another host without one. Package
// markup's link checks decide on these readings what a report may link
// to; they are plain string rules, kept apart from the goldmark walk that
// applies them so that they can be read, and tested, on their own.
package linkurl

import "strings"

// SplitScheme splits "city:mosul" into "city" and "mosul". A scheme is
// what RFC 3986 and browsers (the WHATWG URL standard) read as one: a
// letter, then letters, digits, "+", "-" or ".", then ":". Anything else
// before the first ":" makes dest a relative path, as a browser reads it:
// [x](foo\)\:), 1a:b and a_b:c.html are links to files, not schemes.
// Like a browser, it first drops leading control characters and spaces
// and every tab and newline, which could otherwise hide a
// "java\tscript:" scheme. ok is false when dest has no scheme.
func SplitScheme(dest string) (scheme, rest string, ok bool) {
	dest = BrowserURL(dest)
	for i := 0; i < len(dest); i++ {
		c := dest[i]
		switch {
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
		case i > 0 && (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.'):
		case i > 0 && c == ':':
			return strings.ToLower(dest[:i]), dest[i+1:], true
		default:
			return "", "", false
		}
	}
	return "", "", false
}

// BrowserURL returns dest as a browser's URL parser starts reading it:
// without leading control characters and spaces, and without any tab or
// newline.
func BrowserURL(dest string) string {
	dest = strings.TrimLeftFunc(dest, func(r rune) bool { return r <= ' ' })
	if !strings.ContainsAny(dest, "\t\n\r") {
		return dest
	}
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return -1
		}
		return r
	}, dest)
}

// NetworkPath reports whether dest is a network-path reference such as
// //host/path: a link to another host that inherits the page's scheme
// (https:, or file: for a site opened from disk). Browsers read a
// backslash as a slash here, so \\host and /\host are the same.
func NetworkPath(dest string) bool {
	dest = BrowserURL(dest)
	return len(dest) >= 2 && (dest[0] == '/' || dest[0] == '\\') && (dest[1] == '/' || dest[1] == '\\')
}

// WithScheme is the network-path reference dest with https: in front, for
// the message that refuses it.
func WithScheme(dest string) string {
	return "https://" + strings.TrimLeft(BrowserURL(dest), "/\\")
}
