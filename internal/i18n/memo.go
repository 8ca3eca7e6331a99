package i18n

import (
	"html/template"
	"sync"

	"gazette/internal/content"
)

// memo keeps the messages a Localizer has formatted with arguments. A
// site says the same few things over and over (a report's date on every
// list it is in, "3 sources", "12 August 2016 – ongoing as of …"), and
// formatting one runs a template; a lookup does not. What a Localizer
// answers depends only on its arguments, so a kept answer is always the
// right one. It keeps at most maxMemo answers, the first asked: enough
// for the dates and counts of a large site, and a bound on memory.
type memo struct {
	mu    sync.RWMutex
	msgs  map[memoKey]string
	dates map[content.Date]string
}

// maxMemo bounds each of memo's maps.
const maxMemo = 1 << 16

// maxMemoArgs is the most arguments a kept message has: Date's six.
const maxMemoArgs = 6

// memoKey is a message and its arguments.
type memoKey struct {
	key  string
	html bool
	n    int // how many of args are given
	args [maxMemoArgs]any
}

// keyOf is the memo key of a message with args, and false when an
// argument's type is not one whose value alone decides how it is written
// (a fmt.Stringer could say anything, and a slice cannot be a map key).
func keyOf(key string, html bool, args []any) (memoKey, bool) {
	k := memoKey{key: key, html: html, n: len(args)}
	if len(args) > maxMemoArgs {
		return k, false
	}
	for i, a := range args {
		switch a.(type) {
		case string, int, content.Date, template.HTML:
		default:
			return k, false
		}
		k.args[i] = a
	}
	return k, true
}

func (m *memo) message(k memoKey) (string, bool) {
	m.mu.RLock()
	s, ok := m.msgs[k]
	m.mu.RUnlock()
	return s, ok
}

func (m *memo) keepMessage(k memoKey, s string) {
	m.mu.Lock()
	if m.msgs == nil {
		m.msgs = map[memoKey]string{}
	}
	if len(m.msgs) < maxMemo {
		m.msgs[k] = s
	}
	m.mu.Unlock()
}

func (m *memo) date(d content.Date) (string, bool) {
	m.mu.RLock()
	s, ok := m.dates[d]
	m.mu.RUnlock()
	return s, ok
}

func (m *memo) keepDate(d content.Date, s string) {
	m.mu.Lock()
	if m.dates == nil {
		m.dates = map[content.Date]string{}
	}
	if len(m.dates) < maxMemo {
		m.dates[d] = s
	}
	m.mu.Unlock()
}
