package config

import (
	"slices"
	"testing"
)

func TestVocabulary(t *testing.T) {
	c := DefaultConfig()
	for name, want := range map[string]Vocab{"event_types": c.EventTypes, "services": c.Services, "causes": c.Causes, "scopes": c.Scopes} {
		v, ok := c.Vocabulary(name)
		if !ok || !slices.Equal(v.IDs(), want.IDs()) {
			t.Errorf("Vocabulary(%q) = %v, %v; want %v", name, v.IDs(), ok, want.IDs())
		}
	}
	if _, ok := c.Vocabulary("types"); ok {
		t.Errorf(`Vocabulary("types"): ok; layouts name only the four record vocabularies`)
	}
}
