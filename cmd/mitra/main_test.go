package main

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/mitra-id/mitra/store/storetest"
)

func runMitra(t *testing.T, env map[string]string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(context.Background(), args, func(k string) string { return env[k] }, &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestServeWithoutTokenExplainsHowToGetOne(t *testing.T) {
	code, _, stderr := runMitra(t, nil, "serve")
	if code != 2 {
		t.Errorf("exit code = %d, want 2", code)
	}
	for _, want := range []string{"TELEGRAM_BOT_TOKEN is not set", "@BotFather", "/newbot", ".env"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("message lacks %q:\n%s", want, stderr)
		}
	}
}

func TestCommandLine(t *testing.T) {
	tests := []struct {
		args     []string
		env      map[string]string
		wantCode int
		want     string
	}{
		{[]string{"version"}, nil, 0, "mitra dev"},
		{nil, nil, 2, "Usage: mitra"},
		{[]string{"launch"}, nil, 2, `unknown command "launch"`},
		{[]string{"serve"}, map[string]string{"TELEGRAM_BOT_TOKEN": "1:x", "MITRA_ADMINS": "abc"}, 2, "MITRA_ADMINS"},
	}
	for _, tt := range tests {
		code, stdout, stderr := runMitra(t, tt.env, tt.args...)
		if code != tt.wantCode || !strings.Contains(stdout+stderr, tt.want) {
			t.Errorf("mitra %v = %d %q %q, want %d and %q", tt.args, code, stdout, stderr, tt.wantCode, tt.want)
		}
	}
}

// migrate creates a missing database, applies the migrations and loads the
// regions; running it again changes nothing.
func TestMigrateCreatesAndFillsTheDatabase(t *testing.T) {
	url := storetest.EmptyDatabaseURL(t)
	env := map[string]string{"DATABASE_URL": url, "MITRA_LOG_LEVEL": "warn"}
	for i := 0; i < 2; i++ {
		if code, _, stderr := runMitra(t, env, "migrate"); code != 0 {
			t.Fatalf("migrate #%d exit %d: %s", i+1, code, stderr)
		}
	}
	db := openPool(t, url)
	var villages, migrations int
	if err := db.QueryRow(context.Background(),
		`SELECT (SELECT count(*) FROM regions WHERE level = 4), (SELECT count(*) FROM schema_migrations)`).Scan(&villages, &migrations); err != nil {
		t.Fatal(err)
	}
	if villages != 83762 || migrations != 2 {
		t.Errorf("villages = %d, migrations = %d", villages, migrations)
	}
}
