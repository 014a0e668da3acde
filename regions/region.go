package regions

// Region is one administrative area.
type Region struct {
	// Code is the Kemendagri code with dots: "13", "13.71", "13.71.01",
	// "13.71.01.1001". A NIK's first six digits are a kecamatan code
	// without the dots.
	Code string
	// ParentCode is the code of the enclosing region; "" for a province.
	ParentCode string
	// Name is the official name as the dataset writes it: "Sumatera
	// Barat", "Kota Padang", "Kabupaten Padang Pariaman", "Batang Anai",
	// "Pasar Usang". Kabupaten and kota names carry their kind.
	Name  string
	Level Level
}
