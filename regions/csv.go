package regions

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
)

// ErrBadCSV is wrapped by ReadCSV's errors about the data itself (as
// opposed to I/O errors from the reader).
var ErrBadCSV = errors.New("regions: malformed region CSV")

// ReadCSV parses one idn-area-data CSV file: a header row, then either
// code,name (provinces) or code,<parent>_code,name (regencies, districts,
// villages), RFC 4180, UTF-8. Each row's level comes from the shape of its
// code, and a parent column must agree with the code ("13.71.01" lies in
// "13.71"): the hierarchy of the whole package is read from the codes, so
// a file that contradicts them is rejected rather than half trusted.
func ReadCSV(r io.Reader) ([]Region, error) {
	cr := csv.NewReader(r)
	cr.ReuseRecord = true
	header, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("%w: empty file", ErrBadCSV)
	}
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrBadCSV, err)
	}
	cols := len(header)
	if (cols != 2 && cols != 3) || header[0] != "code" || header[cols-1] != "name" ||
		(cols == 3 && !strings.HasSuffix(header[1], "_code")) {
		return nil, fmt.Errorf("%w: header %q, want code[,<parent>_code],name", ErrBadCSV, header)
	}
	var out []Region
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%w: %w", ErrBadCSV, err)
		}
		line, _ := cr.FieldPos(0)
		reg := Region{Code: rec[0], Name: strings.TrimSpace(rec[cols-1])}
		if reg.Level = LevelOf(reg.Code); reg.Level == 0 {
			return nil, fmt.Errorf("%w: line %d: bad code %q", ErrBadCSV, line, reg.Code)
		}
		reg.ParentCode = ParentOf(reg.Code)
		if cols == 3 && rec[1] != reg.ParentCode {
			return nil, fmt.Errorf("%w: line %d: %s has parent %q, its code says %q",
				ErrBadCSV, line, reg.Code, rec[1], reg.ParentCode)
		}
		if reg.Name == "" {
			return nil, fmt.Errorf("%w: line %d: %s has no name", ErrBadCSV, line, reg.Code)
		}
		out = append(out, reg)
	}
}
