package regions

import "testing"

func TestAppendNormalized(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Pasar Usang", "pasar usang"},
		{"  KAB.  Gorontalo ", "kab gorontalo"},
		{"Toli-Toli", "toli toli"},
		{"Ombolata Salo'o", "ombolata saloo"},
		{"Soka\"an", "sokaan"},
		{"Regapu’u", "regapuu"},
		{"Lalai I/II", "lalai i ii"},
		{"Matang Glumpang Dua Mns. Timu (X)", "matang glumpang dua mns timu x"},
		{"<b>Gambir</b>", "gambir"},
		{"Pasar&nbsp;Baru &amp; sekitarnya", "pasar baru sekitarnya"},
		{"a < b > c", "a c"},
		{"a <b", "a b"},
		{"Sidoarjo & Surabaya", "sidoarjo surabaya"},
		{"Désa Bañar", "desa banar"},
		{"Øresund ÆBLE", "oresund æble"},
		{"ДЕРЕВНЯ", "деревня"},
		{"...!!!", ""},
		{"", ""},
		{"13.71", "13 71"},
	}
	for _, tt := range tests {
		if got := string(appendNormalized(nil, tt.in)); got != tt.want {
			t.Errorf("normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestNormalizedName(t *testing.T) {
	tests := []struct {
		name  string
		level Level
		want  string
		kind  regencyKind
	}{
		{"Kabupaten Padang Pariaman", RegencyLevel, "padang pariaman", kindKabupaten},
		{"Kota Padang", RegencyLevel, "padang", kindKota},
		{"Kota Administrasi Jakarta Pusat", RegencyLevel, "jakarta pusat", kindKota},
		{"Kabupaten Administrasi Kepulauan Seribu", RegencyLevel, "kepulauan seribu", kindKabupaten},
		{"Kota", RegencyLevel, "kota", kindNone},
		{"Daerah Khusus Ibukota Jakarta", ProvinceLevel, "jakarta", kindNone},
		{"Daerah Istimewa Yogyakarta", ProvinceLevel, "yogyakarta", kindNone},
		{"Kota Batu", VillageLevel, "kota batu", kindNone},
		{"Kota Baru", DistrictLevel, "kota baru", kindNone},
	}
	for _, tt := range tests {
		got, kind := normalizedName(nil, tt.name, tt.level)
		if string(got) != tt.want || kind != tt.kind {
			t.Errorf("normalizedName(%q, %v) = %q, %d; want %q, %d", tt.name, tt.level, got, kind, tt.want, tt.kind)
		}
	}
}
