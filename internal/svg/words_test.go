package svg

import (
	"testing"

	"gazette"
	"gazette/internal/i18n"
)

// english is the default theme's English, which the charts' texts are
// tested in.
func english(t *testing.T) *i18n.Localizer {
	t.Helper()
	c, err := i18n.FromFS(gazette.DefaultTheme())
	if err != nil {
		t.Fatal(err)
	}
	return c.Localizer("en", "")
}
