package regions

import "testing"

func TestQuickLook(t *testing.T) {
	x := realIndex(t)
	for _, q := range []Query{
		{Text: "pasar usang"}, {Text: "kec gambir"}, {Text: "kab. gorontalo"}, {Text: "kota padang"},
		{Text: "padang", Level: RegencyLevel}, {Text: "gambr"}, {Text: "<b>gambir</b>"}, {Text: "gambir jakarta pusat"},
		{Text: "pasar usang padang"}, {Text: "sidimpuan"}, {Text: "kampung baru"}, {Text: "kota batu"}, {Text: "kota panton labu"},
		{Text: "gorontalo"}, {Text: "tolitoli"}, {Text: "jakarta"}, {Text: "sungai barat"}, {Text: "gmbir"},
	} {
		t.Logf("== %+v", q)
		for _, m := range x.Search(q) {
			t.Logf("   %.2f %-16s %s", m.Score, m.Code, m.Label)
		}
	}
}
