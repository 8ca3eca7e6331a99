package markup

import (
	"html"
	"strings"

	"github.com/alecthomas/chroma/v2"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// nodeRenderer draws annotations and highlighted code blocks.
type nodeRenderer struct{ m *Markdown }

// RegisterFuncs implements renderer.NodeRenderer.
func (r *nodeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindAnnotation, r.annotation)
	reg.Register(ast.KindFencedCodeBlock, r.fencedCode)
}

func (r *nodeRenderer) annotation(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	l := n.(*Annotation).Link
	if l.Href == "" {
		return ast.WalkContinue, nil
	}
	// A repeat (see firstMentions) is the same element without the
	// link: a span that keeps the mention's anchor and its target's name.
	if !entering {
		if l.repeat {
			w.WriteString("</span>")
		} else {
			w.WriteString("</a>")
		}
		return ast.WalkContinue, nil
	}
	if l.repeat {
		w.WriteString(`<span class="ann ann-`)
	} else {
		w.WriteString(`<a href="`)
		w.WriteString(html.EscapeString(l.Href))
		w.WriteString(`" class="ann ann-`)
	}
	w.WriteString(html.EscapeString(l.Scheme))
	w.WriteString(`"`)
	if l.Anchor != "" {
		w.WriteString(` id="`)
		w.WriteString(html.EscapeString(l.Anchor))
		w.WriteString(`"`)
	}
	if l.Title != "" {
		w.WriteString(` title="`)
		w.WriteString(html.EscapeString(l.Title))
		w.WriteString(`"`)
	}
	w.WriteString(">")
	return ast.WalkContinue, nil
}

// fencedCode highlights a fenced block with chroma, using CSS classes. An
// unknown or missing language is shown as plain, escaped text, in the
// same <pre class="chroma"> so that the theme styles all code alike; an
// unknown language keeps CommonMark's class="language-…" on its <code>.
// The language is the info string's first word with escapes and entities
// resolved, as CommonMark says (```f&ouml;&ouml; is language föö).
// A language that is not highlighted (see lexerFor) is shown the same way.
func (r *nodeRenderer) fencedCode(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	n := node.(*ast.FencedCodeBlock)
	var code []byte
	for i := 0; i < n.Lines().Len(); i++ {
		seg := n.Lines().At(i)
		code = append(code, seg.Value(src)...)
	}
	lang := codeLang(n, src)
	if lexer := lexerFor(r.m, n, lang); lexer != nil {
		var b strings.Builder
		ok, err := r.m.code.Format(&b, lexer, string(code))
		if err != nil {
			return ast.WalkStop, err
		}
		if ok {
			w.WriteString(`<div class="code" data-lang="` + html.EscapeString(lang) + `">`)
			w.WriteString(b.String())
			w.WriteString("</div>\n")
			return ast.WalkSkipChildren, nil
		}
	}
	w.WriteString(`<pre class="chroma"><code`)
	if lang != "" {
		w.WriteString(` class="language-` + html.EscapeString(lang) + `"`)
	}
	w.WriteString(">")
	w.WriteString(html.EscapeString(string(code)))
	w.WriteString("</code></pre>\n")
	return ast.WalkSkipChildren, nil
}

// lexerFor returns the lexer that highlights n, or nil: for no language, an
// unknown one, one not highlighted, and a block past the limit on
// highlighted code (see treeGuard).
func lexerFor(m *Markdown, n *ast.FencedCodeBlock, lang string) chroma.Lexer {
	if _, plain := n.AttributeString(plainAttr); plain {
		return nil
	}
	return m.code.Lexer(lang)
}
