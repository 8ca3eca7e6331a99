package i18n

import (
	"strings"
	"text/template/parse"

	"golang.org/x/text/feature/plural"
)

// Forms returns message key as a script in the page formats it: each of
// its forms by CLDR plural category ("other" alone for a message without
// forms), with each placeholder written {Name}: {"one": "{Count} result",
// "other": "{Count} results"}. The script chooses a form by
// Intl.PluralRules in the page's language, falling back to "other" when the
// form is missing (a message from a fallback language has fewer), and puts
// in the values, numbers in the edition's digits. The browser cannot run
// the catalogue's Go templates, and a form chosen here would be right for
// one count only. A message missing everywhere is its key, as T's.
func (l *Localizer) Forms(key string) map[string]string {
	for _, m := range l.chain {
		msg := m.m[key]
		if msg == nil {
			continue
		}
		out := make(map[string]string, len(msg.plain)+len(msg.forms))
		for form, s := range msg.plain {
			out[categoryName(form)] = s
		}
		for form, t := range msg.forms {
			data := map[string]any{}
			fields(t.Tree.Root, func(name string) { data[name] = "{" + name + "}" })
			var b strings.Builder
			if err := t.Execute(&b, data); err == nil {
				out[categoryName(form)] = b.String()
			}
		}
		if out["other"] != "" {
			return out
		}
	}
	return map[string]string{"other": key}
}

// categoryName is the name catalogues give form: "few".
func categoryName(form plural.Form) string {
	for name, f := range categories {
		if f == form {
			return name
		}
	}
	return "other"
}

// fields calls fn with the name of each field a template names: Count
// for {{.Count}}.
func fields(n parse.Node, fn func(string)) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n != nil {
			for _, c := range n.Nodes {
				fields(c, fn)
			}
		}
	case *parse.ActionNode:
		fields(n.Pipe, fn)
	case *parse.PipeNode:
		if n != nil {
			for _, c := range n.Cmds {
				for _, a := range c.Args {
					fields(a, fn)
				}
			}
		}
	case *parse.FieldNode:
		fn(n.Ident[0])
	case *parse.IfNode:
		fields(n.Pipe, fn)
		fields(n.List, fn)
		fields(n.ElseList, fn)
	case *parse.WithNode:
		fields(n.Pipe, fn)
		fields(n.List, fn)
		fields(n.ElseList, fn)
	case *parse.RangeNode:
		fields(n.Pipe, fn)
		fields(n.List, fn)
		fields(n.ElseList, fn)
	}
}
