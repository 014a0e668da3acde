package bench

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// TestFastFakeMatchesStrictFake checks the benchmark's premises, without
// timing anything: the measured step works end to end against the strict
// bot/faketelegram (no Bot API errors, every press answered), and the bot
// makes exactly the same Bot API calls, in the same order, against the
// fast fake, which refuses none of them.
func TestFastFakeMatchesStrictFake(t *testing.T) {
	if testing.Short() {
		t.Skip("starts the mitra binary twice")
	}
	const steps = 6
	drive := func(t *testing.T, tg telegram, us *users) {
		t.Helper()
		us.tg = tg
		startBot(t, tg)
		u := us.list[0]
		if err := u.start(tg, 30*time.Second); err != nil {
			t.Fatal(err)
		}
		for range steps {
			if _, _, err := u.step(tg, 30*time.Second); err != nil {
				t.Fatal(err)
			}
		}
		if !u.atName {
			t.Fatal("after an even number of steps the user should be at the name question")
		}
	}

	var strictCalls []string
	t.Run("strict", func(t *testing.T) {
		us := newUsers(1)
		tg := newStrictFake(t, us.deliver)
		t.Cleanup(tg.Close)
		drive(t, tg, us)
		tg.tg.AssertNoErrors(t)
		tg.tg.AssertAllAnswered(t)
		for _, c := range tg.tg.Calls("") {
			if !strings.EqualFold(c.Method, "getUpdates") {
				strictCalls = append(strictCalls, strings.ToLower(c.Method))
			}
		}
		t.Logf("transcript:\n%s", tg.tg.Transcript(us.list[0].id))
	})
	t.Run("fast", func(t *testing.T) {
		us := newUsers(1)
		tg := newFastFake(us.deliver)
		tg.record = true
		t.Cleanup(tg.Close)
		drive(t, tg, us)
		if st := tg.Stats(); st.Failures > 0 {
			t.Errorf("fast fake refused %d calls; last: %s", st.Failures, st.LastFailure)
		}
		tg.mu.Lock()
		fastCalls := slices.Clone(tg.calls)
		unanswered := len(tg.queries)
		tg.mu.Unlock()
		if unanswered > 0 {
			t.Errorf("%d callback queries never answered", unanswered)
		}
		if strictCalls == nil {
			t.Skip("strict run failed")
		}
		if !slices.Equal(fastCalls, strictCalls) {
			t.Errorf("Bot API calls differ\nstrict: %v\nfast:   %v", strictCalls, fastCalls)
		}
		t.Logf("calls: %v", fastCalls)
	})
}
