package regions

import "strings"

// Len returns the number of regions in the index.
func (x *Index) Len() int { return len(x.nodes) }

// Get returns the region with the given code, exactly as stored.
func (x *Index) Get(code string) (Region, bool) {
	id, ok := x.find(code)
	if !ok {
		return Region{}, false
	}
	return x.region(id), true
}

// Children returns the regions directly inside code, ordered by code; for
// code "" it returns the top-level regions (the provinces). An unknown
// code has no children.
func (x *Index) Children(code string) []Region {
	first, end := int32(0), int32(len(x.nodes))
	if code != "" {
		id, ok := x.find(code)
		if !ok {
			return nil
		}
		first, end = id+1, x.nodes[id].end
	}
	var out []Region
	for c := first; c < end; c = x.nodes[c].end {
		out = append(out, x.region(c))
	}
	return out
}

// region materialises a Region; its strings point into the arena, so this
// does not allocate.
func (x *Index) region(id int32) Region {
	n := &x.nodes[id]
	r := Region{Code: x.codeOf(id), Name: x.nameOf(id), Level: Level(n.level)}
	if n.parent >= 0 {
		r.ParentCode = x.codeOf(n.parent)
	} else {
		r.ParentCode = ParentOf(r.Code)
	}
	return r
}

// Label returns a region with its ancestors for display, most specific
// first: "Pasar Usang, Kec. Padang Panjang Barat, Kota Padang Panjang,
// Sumatera Barat". Kecamatan get "Kec." ("Distrik" in the Papua provinces,
// 9x, where that is their name); kabupaten are shortened to "Kab.", and
// Jakarta's "Kota Administrasi" to "Kota"; the two long province names
// become "DKI Jakarta" and "DI Yogyakarta". Desa and kelurahan are shown by
// name alone. It returns "" for an unknown code.
func (x *Index) Label(code string) string {
	id, ok := x.find(code)
	if !ok {
		return ""
	}
	return x.label(id)
}

func (x *Index) label(id int32) string {
	var b strings.Builder
	b.Grow(96)
	for ; id >= 0; id = x.nodes[id].parent {
		if b.Len() > 0 {
			b.WriteString(", ")
		}
		x.writeShortName(&b, id)
	}
	return b.String()
}

// writeShortName writes one part of a label.
func (x *Index) writeShortName(b *strings.Builder, id int32) {
	n := &x.nodes[id]
	name := x.nameOf(id)
	switch Level(n.level) {
	case ProvinceLevel:
		if rest, ok := strings.CutPrefix(name, "Daerah Khusus Ibukota "); ok {
			b.WriteString("DKI ")
			name = rest
		} else if rest, ok := strings.CutPrefix(name, "Daerah Istimewa "); ok {
			b.WriteString("DI ")
			name = rest
		}
	case RegencyLevel:
		switch n.kind {
		case kindKabupaten:
			b.WriteString("Kab. ")
			name = cutWords(name, "Kabupaten ", "Administrasi ")
		case kindKota:
			b.WriteString("Kota ")
			name = cutWords(name, "Kota ", "Administrasi ")
		}
	case DistrictLevel:
		if strings.HasPrefix(x.codeOf(id), "9") {
			b.WriteString("Distrik ")
		} else {
			b.WriteString("Kec. ")
		}
	}
	b.WriteString(name)
}

// cutWords removes the leading word kind and then an optional word, in any
// letter case: ("KOTA Administrasi Jakarta Pusat") → "Jakarta Pusat".
func cutWords(name, kind, optional string) string {
	if len(name) >= len(kind) && strings.EqualFold(name[:len(kind)], kind) {
		name = name[len(kind):]
	}
	if len(name) > len(optional) && strings.EqualFold(name[:len(optional)], optional) {
		name = name[len(optional):]
	}
	return name
}
