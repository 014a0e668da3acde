package flows

// Disaster types: the BNPB DIBI codes first (docs/domain.md §1), then the
// events Dinas Sosial and Tagana also handle.
var disasterTypes = []Choice{
	{"101", Text{"Banjir", "Flood"}},
	{"102", Text{"Tanah longsor", "Landslide"}},
	{"104", Text{"Gelombang pasang / abrasi", "Tidal wave / abrasion"}},
	{"105", Text{"Cuaca ekstrem / puting beliung", "Extreme weather / whirlwind"}},
	{"106", Text{"Kekeringan", "Drought"}},
	{"107", Text{"Kebakaran hutan & lahan", "Forest & land fire"}},
	{"108", Text{"Gempa bumi", "Earthquake"}},
	{"109", Text{"Tsunami", "Tsunami"}},
	{"111", Text{"Erupsi gunung api", "Volcanic eruption"}},
	{"banjir_bandang", Text{"Banjir bandang", "Flash flood"}},
	{"kebakaran_permukiman", Text{"Kebakaran permukiman", "Settlement fire"}},
	{"konflik_sosial", Text{"Konflik sosial", "Social conflict"}},
	{"kecelakaan", Text{"Kecelakaan / gagal teknologi", "Accident / technological failure"}},
	{"wabah", Text{"Wabah penyakit", "Epidemic"}},
	{"lainnya", Text{"Lainnya", "Other"}},
}

// Kelompok rentan named by Kemensos.
var vulnerableGroups = []Choice{
	{"bayi_balita", Text{"Bayi/balita", "Babies/toddlers"}},
	{"anak", Text{"Anak", "Children"}},
	{"ibu_hamil_menyusui", Text{"Ibu hamil/menyusui", "Pregnant/nursing mothers"}},
	{"lansia", Text{"Lansia", "Elderly"}},
	{"disabilitas", Text{"Penyandang disabilitas", "People with disabilities"}},
}

// Kebutuhan mendesak: the practical items behind UU 24/2007 Pasal 53.
var urgentNeeds = []Choice{
	{"tenda", Text{"Tenda / terpal", "Tents / tarpaulins"}},
	{"makanan", Text{"Makanan siap saji / dapur umum", "Ready meals / public kitchen"}},
	{"air_bersih", Text{"Air bersih", "Clean water"}},
	{"selimut", Text{"Selimut / tikar / kasur", "Blankets / mats"}},
	{"obat", Text{"Obat-obatan / layanan kesehatan", "Medicine / health care"}},
	{"perlengkapan_bayi", Text{"Perlengkapan bayi/balita", "Baby supplies"}},
	{"hygiene_kit", Text{"Hygiene kit / MCK", "Hygiene kits / toilets"}},
	{"evakuasi", Text{"Evakuasi (perahu, alat berat)", "Evacuation (boats, heavy equipment)"}},
	{"psikososial", Text{"Layanan psikososial", "Psychosocial support"}},
	{"hunian", Text{"Penampungan / hunian sementara", "Shelter"}},
	{"santunan", Text{"Santunan ahli waris", "Compensation for heirs"}},
}

// Upaya yang sudah dilakukan: Tagana functions.
var actionsTaken = []Choice{
	{"evakuasi", Text{"Evakuasi", "Evacuation"}},
	{"dapur_umum", Text{"Dapur umum", "Public kitchen"}},
	{"posko", Text{"Posko", "Command post"}},
	{"ldp", Text{"Layanan dukungan psikososial", "Psychosocial support"}},
	{"logistik", Text{"Distribusi logistik", "Logistics distribution"}},
	{"personel", Text{"Personel Tagana dikerahkan", "Tagana personnel deployed"}},
}
