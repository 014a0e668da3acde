package regions

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

func TestReadCSV(t *testing.T) {
	in := "code,district_code,name\n" +
		"13.71.01.1001,13.71.01,Pasar Gadang\n" +
		"12.04.05.2023,12.04.05,Ombolata Salo'o\n" +
		"35.07.01.2001,35.07.01,\"Soka\"\"an\"\n" +
		"12.07.01.2001,12.07.01,\"Lubuk Pakam I,II\"\n"
	got, err := ReadCSV(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	want := []Region{
		{Code: "13.71.01.1001", ParentCode: "13.71.01", Name: "Pasar Gadang", Level: VillageLevel},
		{Code: "12.04.05.2023", ParentCode: "12.04.05", Name: "Ombolata Salo'o", Level: VillageLevel},
		{Code: "35.07.01.2001", ParentCode: "35.07.01", Name: `Soka"an`, Level: VillageLevel},
		{Code: "12.07.01.2001", ParentCode: "12.07.01", Name: "Lubuk Pakam I,II", Level: VillageLevel},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ReadCSV =\n%+v\nwant\n%+v", got, want)
	}

	provinces, err := ReadCSV(strings.NewReader("code,name\n13,Sumatera Barat\n"))
	if err != nil {
		t.Fatal(err)
	}
	if want := []Region{{Code: "13", Name: "Sumatera Barat", Level: ProvinceLevel}}; !reflect.DeepEqual(provinces, want) {
		t.Errorf("provinces = %+v, want %+v", provinces, want)
	}
}

func TestReadCSVRejects(t *testing.T) {
	tests := map[string]string{
		"empty":          "",
		"bad header":     "kode,nama\n13,Sumatera Barat\n",
		"parent column":  "code,province,name\n13.71,13,Kota Padang\n",
		"bad code":       "code,name\n1x,Nowhere\n",
		"wrong parent":   "code,regency_code,name\n13.71.01,13.72,Bungus\n",
		"missing name":   "code,name\n13,\n",
		"ragged row":     "code,name\n13,Sumatera Barat,extra\n",
		"bad quoting":    "code,name\n13,Sumatera \"Barat\n",
		"too deep":       "code,name\n13.71.01.1001.1,Too Deep\n",
		"only separator": "code,name\n.,Dot\n",
	}
	for name, in := range tests {
		t.Run(name, func(t *testing.T) {
			_, err := ReadCSV(strings.NewReader(in))
			if !errors.Is(err, ErrBadCSV) {
				t.Errorf("err = %v, want ErrBadCSV", err)
			}
		})
	}
}
