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
	Commands(n, func(c *parse.CommandNode) {
		for _, a := range c.Args {
			if f, ok := a.(*parse.FieldNode); ok {
				fn(f.Ident[0])
			}
		}
	})
}

// Commands calls fn for every command in the template tree under n, in
// actions, pipelines and the bodies of if, range, with and template:
// how a message's placeholders are found here, and the message keys a
// theme's layouts use (package theme).
func Commands(n parse.Node, fn func(*parse.CommandNode)) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n != nil {
			for _, c := range n.Nodes {
				Commands(c, fn)
			}
		}
	case *parse.ActionNode:
		Commands(n.Pipe, fn)
	case *parse.PipeNode:
		if n != nil {
			for _, c := range n.Cmds {
				Commands(c, fn)
			}
		}
	case *parse.CommandNode:
		fn(n)
		for _, a := range n.Args {
			Commands(a, fn)
		}
	case *parse.IfNode:
		Commands(n.Pipe, fn)
		Commands(n.List, fn)
		Commands(n.ElseList, fn)
	case *parse.RangeNode:
		Commands(n.Pipe, fn)
		Commands(n.List, fn)
		Commands(n.ElseList, fn)
	case *parse.WithNode:
		Commands(n.Pipe, fn)
		Commands(n.List, fn)
		Commands(n.ElseList, fn)
	case *parse.TemplateNode:
		Commands(n.Pipe, fn)
	}
}
