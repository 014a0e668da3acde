package flows

// MenuCommand is one entry of the command menu the transport shows.
type MenuCommand struct {
	Name        string // without the slash, [a-z0-9_]
	Description string
}

// Languages Mitra speaks. Indonesian is the default for everyone whose
// client is not set to English.
var Languages = []string{"id", "en"}

// Menu is the command menu in a language ("id" or "en").
func Menu(lang string) []MenuCommand {
	if lang == "en" {
		return []MenuCommand{
			{"start", "Register or return to the start"},
			{"lapor", "Report an emergency or disaster"},
			{"daftar", "Register a person who needs assistance"},
			{"kunjungan", "Record a visit check-in"},
			{"undang", "Create an invite link (coordinators)"},
			{"bahasa", "Change language / Ganti bahasa"},
			{"bantuan", "What Mitra can do for you"},
			{"batal", "Leave the current conversation"},
		}
	}
	return []MenuCommand{
		{"start", "Daftar atau kembali ke awal"},
		{"lapor", "Laporkan kejadian darurat atau bencana"},
		{"daftar", "Daftarkan warga yang membutuhkan bantuan"},
		{"kunjungan", "Catat kunjungan lapangan"},
		{"undang", "Buat tautan undangan (koordinator)"},
		{"bahasa", "Ganti bahasa / Change language"},
		{"bantuan", "Apa yang bisa dilakukan Mitra"},
		{"batal", "Keluar dari percakapan saat ini"},
	}
}
