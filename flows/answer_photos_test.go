package flows

import "testing"

// Captions typed under photos stay with the answer and reach the record's
// notes as one line.
func TestPhotoCaptionsAreKept(t *testing.T) {
	var v Value
	for _, in := range []Input{
		{Kind: KindPhoto, PhotoFileID: "a", Text: "  Jembatan   putus "},
		{Kind: KindPhoto, PhotoFileID: "b"},
		{Kind: KindPhoto, PhotoFileID: "c", Text: "Posko di masjid"},
	} {
		v.List = append(v.List, in.PhotoFileID)
		keepCaption(&v, in)
	}
	got := photosValue(v.List, v.Captions, "id")
	if got.Text != "3 foto — Jembatan putus; Posko di masjid" {
		t.Errorf("review text = %q", got.Text)
	}
	if note := PhotoCaptions(got); note != "Keterangan foto: Jembatan putus; Posko di masjid" {
		t.Errorf("note = %q", note)
	}
	if note := PhotoCaptions(photosValue([]string{"a"}, nil, "id")); note != "" {
		t.Errorf("no captions gave %q", note)
	}
	if got := joinLines("Air naik", ""); got != "Air naik" {
		t.Errorf("joinLines = %q", got)
	}
}
