package flows

// ppksCriteria are the Permensos 3/2021 DTKS criteria; the 26 PPKS types of
// Permensos 08/2012, which Dinas Sosial still use, sit under them.
var ppksCriteria = []Choice{
	{"kemiskinan", Text{"Kemiskinan", "Poverty"}},
	{"ketelantaran", Text{"Ketelantaran", "Neglect"}},
	{"kecacatan", Text{"Kecacatan / disabilitas", "Disability"}},
	{"keterpencilan", Text{"Keterpencilan", "Remoteness"}},
	{"ketunaan_sosial", Text{"Ketunaan sosial & penyimpangan perilaku", "Social deviance"}},
	{"korban_bencana", Text{"Korban bencana", "Disaster victims"}},
	{"korban_kekerasan", Text{"Korban kekerasan, eksploitasi, diskriminasi", "Victims of violence, exploitation, discrimination"}},
	{"lainnya", Text{"Kriteria lain", "Other criteria"}},
}

type ppksType struct {
	Choice
	criterion string
}

var ppksTypes = []ppksType{
	{Choice{"fakir_miskin", Text{"Fakir miskin", "Destitute poor"}}, "kemiskinan"},
	{Choice{"prse", Text{"Perempuan rawan sosial ekonomi", "Socio-economically vulnerable women"}}, "kemiskinan"},
	{Choice{"pemulung", Text{"Pemulung", "Scavengers"}}, "kemiskinan"},
	{Choice{"anak_balita_terlantar", Text{"Anak balita terlantar", "Neglected toddlers"}}, "ketelantaran"},
	{Choice{"anak_terlantar", Text{"Anak terlantar", "Neglected children"}}, "ketelantaran"},
	{Choice{"anak_jalanan", Text{"Anak jalanan", "Street children"}}, "ketelantaran"},
	{Choice{"lansia_terlantar", Text{"Lanjut usia terlantar", "Neglected elderly"}}, "ketelantaran"},
	{Choice{"gelandangan", Text{"Gelandangan", "Homeless"}}, "ketelantaran"},
	{Choice{"pengemis", Text{"Pengemis", "Beggars"}}, "ketelantaran"},
	{Choice{"penyandang_disabilitas", Text{"Penyandang disabilitas", "Person with disability"}}, "kecacatan"},
	{Choice{"anak_disabilitas", Text{"Anak dengan kedisabilitasan", "Child with disability"}}, "kecacatan"},
	{Choice{"kat", Text{"Komunitas adat terpencil", "Remote indigenous community"}}, "keterpencilan"},
	{Choice{"tuna_susila", Text{"Tuna susila", "Sex workers"}}, "ketunaan_sosial"},
	{Choice{"bwblp", Text{"Bekas warga binaan pemasyarakatan", "Former prisoners"}}, "ketunaan_sosial"},
	{Choice{"napza", Text{"Korban penyalahgunaan NAPZA", "Drug abuse victims"}}, "ketunaan_sosial"},
	{Choice{"odha", Text{"Orang dengan HIV/AIDS", "People living with HIV/AIDS"}}, "ketunaan_sosial"},
	{Choice{"abh", Text{"Anak berhadapan dengan hukum", "Children in conflict with the law"}}, "ketunaan_sosial"},
	{Choice{"keluarga_bermasalah", Text{"Keluarga bermasalah sosial psikologis", "Families with psychosocial problems"}}, "ketunaan_sosial"},
	{Choice{"korban_bencana_alam", Text{"Korban bencana alam", "Natural disaster victims"}}, "korban_bencana"},
	{Choice{"korban_bencana_sosial", Text{"Korban bencana sosial", "Social disaster victims"}}, "korban_bencana"},
	{Choice{"korban_tindak_kekerasan", Text{"Korban tindak kekerasan", "Victims of violence"}}, "korban_kekerasan"},
	{Choice{"anak_korban_kekerasan", Text{"Anak korban tindak kekerasan", "Child victims of violence"}}, "korban_kekerasan"},
	{Choice{"ampk", Text{"Anak yang memerlukan perlindungan khusus", "Children needing special protection"}}, "korban_kekerasan"},
	{Choice{"korban_trafficking", Text{"Korban trafficking", "Trafficking victims"}}, "korban_kekerasan"},
	{Choice{"pmbs", Text{"Pekerja migran bermasalah sosial", "Migrant workers with social problems"}}, "korban_kekerasan"},
	{Choice{"kelompok_minoritas", Text{"Kelompok minoritas", "Minority groups"}}, "korban_kekerasan"},
	{Choice{"lainnya", Text{"Lainnya", "Other"}}, "lainnya"},
}

// ppksTypesOf lists the PPKS types under a criterion.
func ppksTypesOf(criterion string) []Choice {
	var out []Choice
	for _, t := range ppksTypes {
		if t.criterion == criterion {
			out = append(out, t.Choice)
		}
	}
	return out
}

var relationships = []Choice{
	{"kepala_keluarga", Text{"Kepala keluarga", "Head of family"}},
	{"istri_suami", Text{"Istri/suami", "Wife/husband"}},
	{"anak", Text{"Anak", "Child"}},
	{"menantu", Text{"Menantu", "Child-in-law"}},
	{"cucu", Text{"Cucu", "Grandchild"}},
	{"orang_tua", Text{"Orang tua/mertua", "Parent/parent-in-law"}},
	{"famili_lain", Text{"Famili lain", "Other relative"}},
	{"lainnya", Text{"Lainnya", "Other"}},
}

var maritalStatuses = []Choice{
	{"belum_kawin", Text{"Belum kawin", "Single"}},
	{"kawin", Text{"Kawin", "Married"}},
	{"cerai_hidup", Text{"Cerai hidup (janda/duda cerai)", "Divorced"}},
	{"cerai_mati", Text{"Cerai mati (janda/duda ditinggal mati)", "Widowed"}},
}

// maritalEveryday are the everyday words for a marital status that its
// label does not contain.
var maritalEveryday = map[string]string{
	"menikah": "kawin", "nikah": "kawin", "sudah menikah": "kawin", "sudah nikah": "kawin", "bersuami": "kawin",
	"beristri": "kawin", "beristeri": "kawin", "lajang": "belum_kawin", "bujang": "belum_kawin",
	"belum menikah": "belum_kawin", "belum nikah": "belum_kawin", "single": "belum_kawin",
	"janda mati": "cerai_mati", "duda mati": "cerai_mati", "ditinggal mati": "cerai_mati",
	"suami meninggal": "cerai_mati", "istri meninggal": "cerai_mati", "janda cerai": "cerai_hidup",
	"duda cerai": "cerai_hidup", "bercerai": "cerai_hidup",
}

// maritalByWord answers the marital status question from an everyday word.
func maritalByWord(s *Session, text string) (Value, bool) {
	v, ok := maritalEveryday[normalizeWord(text)]
	if !ok {
		return Value{}, false
	}
	for _, c := range maritalStatuses {
		if c.Value == v {
			return Value{Data: c.Value, Text: c.Label.In(s.Lang)}, true
		}
	}
	return Value{}, false
}

var sexes = []Choice{
	{"l", Text{"Laki-laki", "Male"}},
	{"p", Text{"Perempuan", "Female"}},
}
