package flows

// Visit targets, purposes and results (docs/domain.md §4).
var visitTargets = []Choice{
	{"kpm_pkh", Text{"Keluarga KPM PKH", "PKH beneficiary family"}},
	{"registration", Text{"Warga terdaftar di Mitra", "Person registered in Mitra"}},
	{"lks", Text{"Lembaga (LKS)", "Institution (LKS)"}},
	{"other", Text{"Lainnya", "Other"}},
}

var lksTypes = []Choice{
	{"lksa", Text{"Panti asuhan / LKSA", "Orphanage / LKSA"}},
	{"pesantren", Text{"Pesantren", "Pesantren"}},
	{"lks_lu", Text{"LKS lanjut usia", "Elderly care LKS"}},
	{"lks_disabilitas", Text{"LKS disabilitas", "Disability LKS"}},
	{"posdaya", Text{"Posdaya", "Posdaya"}},
	{"lainnya", Text{"Lainnya", "Other"}},
}

var visitPurposes = []Choice{
	{"verifikasi_komitmen", Text{"Verifikasi komitmen", "Commitment verification"}},
	{"pemutakhiran_data", Text{"Pemutakhiran data", "Data update"}},
	{"asesmen", Text{"Asesmen", "Assessment"}},
	{"pendampingan", Text{"Pendampingan / P2K2", "Mentoring / P2K2"}},
	{"monev_lks", Text{"Monev LKS", "LKS monitoring"}},
	{"verval", Text{"Verval DTKS/DTSEN", "DTKS/DTSEN verification"}},
	{"lainnya", Text{"Lainnya", "Other"}},
}

var visitResults = []Choice{
	{string(VisitDone), Text{"Selesai", "Done"}},
	{string(VisitRescheduled), Text{"Dijadwalkan ulang", "Rescheduled"}},
	{string(VisitNotMet), Text{"Tidak bertemu", "Not met"}},
}

var lksNeeds = []Choice{
	{"pangan", Text{"Pangan / makanan", "Food"}},
	{"sandang", Text{"Sandang / pakaian", "Clothing"}},
	{"pendidikan", Text{"Perlengkapan pendidikan", "School supplies"}},
	{"kesehatan", Text{"Kesehatan / obat", "Health"}},
	{"sarana", Text{"Sarana & bangunan", "Facilities & buildings"}},
	{"sdm", Text{"Pengasuh / SDM", "Caregivers / staff"}},
	{"legalitas", Text{"Legalitas / perizinan", "Legal registration"}},
}

var fundingSources = []Choice{
	{"apbn", Text{"APBN / Kemensos", "National budget"}},
	{"apbd", Text{"APBD", "Regional budget"}},
	{"swadaya", Text{"Swadaya", "Self-funded"}},
	{"donatur", Text{"Donatur", "Donors"}},
	{"csr", Text{"CSR", "CSR"}},
	{"lainnya", Text{"Lainnya", "Other"}},
}
