package bench

import (
	"errors"
	"fmt"
	"math"
	"os"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// The measured step. Onboarding asks the name, then the role. A user
// alternates between two full steps:
//
//	A: types a name at the name question   -> the bot sends the role question
//	B: taps "⬅️ Kembali" on that question  -> the bot sends the name question
//
// Each loads the conversation from Redis (and the volunteer from
// PostgreSQL), applies the input, saves the conversation, sends the next
// question through the Bot API and records its message id in Redis. B also
// answers the callback query and removes the pressed question's buttons.
// The conversation does not grow, so the loop can run for ever.
const (
	nameAnswer  = "Siti Rahmawati"
	backLabel   = "⬅️ Kembali"
	namePrompt  = "Siapa nama lengkap Anda"
	rolePrompt  = "Apa peran Anda?"
	firstUserID = int64(7_000_000_000)
)

// users simulates volunteers. Replies are routed to the user's channel by
// chat id; each user has at most one step outstanding.
type users struct {
	tg   telegram
	list []*simUser
	// stray counts bot messages nobody waited for.
	stray atomic.Int64
}

type simUser struct {
	id      int64
	replies chan reply
	// promptID is the role question on screen, whose Kembali is pressed.
	promptID int
	// atName: the name question is on screen (step A is next).
	atName bool
}

func newUsers(n int) *users {
	us := &users{list: make([]*simUser, n)}
	for i := range us.list {
		us.list[i] = &simUser{id: firstUserID + int64(i), replies: make(chan reply, 16)}
	}
	return us
}

// deliver routes a reply; it is the fake's onReply.
func (us *users) deliver(r reply) {
	i := r.chatID - firstUserID
	if i < 0 || i >= int64(len(us.list)) {
		us.stray.Add(1)
		return
	}
	select {
	case us.list[i].replies <- r:
	default:
		us.stray.Add(1)
	}
}

var errTimeout = errors.New("no reply")

// await waits for the bot message containing want. Other messages are an
// error unless skip allows them (the intro before the first question).
func (u *simUser) await(want string, skip int, timeout time.Duration) (reply, error) {
	t := time.NewTimer(timeout)
	defer t.Stop()
	for {
		select {
		case r := <-u.replies:
			if strings.Contains(r.text, want) {
				return r, nil
			}
			if skip > 0 {
				skip--
				continue
			}
			return r, fmt.Errorf("user %d: want a message with %q, got %q", u.id, want, r.text)
		case <-t.C:
			return reply{}, fmt.Errorf("user %d: %w with %q within %v", u.id, errTimeout, want, timeout)
		}
	}
}

// start sends /start and waits for the name question.
func (u *simUser) start(tg telegram, timeout time.Duration) error {
	tg.SendText(u.id, "/start")
	if _, err := u.await(namePrompt, 1, timeout); err != nil {
		return err
	}
	u.atName = true
	return nil
}

// step makes one step (A or B) and returns when the bot's answer reached
// the fake: sent is when the update was made available, r.at when the
// answer arrived.
func (u *simUser) step(tg telegram, timeout time.Duration) (sent time.Time, r reply, err error) {
	sent = time.Now()
	if u.atName {
		tg.SendText(u.id, nameAnswer)
		r, err = u.await(rolePrompt, 0, timeout)
		if err == nil {
			u.promptID, u.atName = r.msgID, false
		}
		return sent, r, err
	}
	tg.Press(u.id, u.promptID, backLabel)
	r, err = u.await(namePrompt, 0, timeout)
	if err == nil {
		u.atName = true
	}
	return sent, r, err
}

// startAll sends /start for every user, at most `parallel` at once.
func (us *users) startAll(parallel int, timeout time.Duration) error {
	sem := make(chan struct{}, parallel)
	var wg sync.WaitGroup
	var mu sync.Mutex
	var first error
	for _, u := range us.list {
		sem <- struct{}{}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			if err := u.start(us.tg, timeout); err != nil {
				mu.Lock()
				if first == nil {
					first = err
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	return first
}

// result is what one run measured inside its window.
type result struct {
	window    time.Duration
	steps     int             // answers that arrived inside the window
	latencies []time.Duration // of steps sent and answered inside the window
	// intended: open loop only, latency from the scheduled send time
	// (equal to latencies unless the user was still waiting when its turn
	// came, which would otherwise hide queueing: coordinated omission).
	intended []time.Duration
	late     int // open loop: sends that missed their scheduled time by >10 ms
	errors   []error
	// samples are the latencies with their send times and kinds.
	samples []sample
	from    time.Time
}

type sample struct {
	sent    time.Time
	latency time.Duration
	press   bool // step B (button) rather than A (typed name)
}

// bySecond is the p99 of each second of the window: a tail spread evenly
// over the seconds is queueing, one packed into a few seconds is a stall.
func (r *result) bySecond() []time.Duration {
	n := int(r.window / time.Second)
	buckets := make([][]time.Duration, n)
	for _, s := range r.samples {
		if i := int(s.sent.Sub(r.from) / time.Second); i >= 0 && i < n {
			buckets[i] = append(buckets[i], s.latency)
		}
	}
	out := make([]time.Duration, n)
	for i, b := range buckets {
		slices.Sort(b)
		out[i] = percentile(b, 99)
	}
	return out
}

// dump writes the samples as CSV (send time in ns since the window
// started, latency in µs, step A or B) for a closer look.
func (r *result) dump(path string) error {
	var b strings.Builder
	b.WriteString("sent_ns,latency_us,step\n")
	for _, s := range r.samples {
		step := "A"
		if s.press {
			step = "B"
		}
		fmt.Fprintf(&b, "%d,%d,%s\n", s.sent.Sub(r.from).Nanoseconds(), s.latency.Microseconds(), step)
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}

func (r *result) rate() float64 { return float64(r.steps) / r.window.Seconds() }

// percentile of sorted durations, nearest-rank.
func percentile(sorted []time.Duration, p float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	i := int(math.Ceil(p/100*float64(len(sorted)))) - 1
	return sorted[min(max(i, 0), len(sorted)-1)]
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// recorder collects one user's measurements without locks.
type recorder struct {
	steps     int
	latencies []time.Duration
	intended  []time.Duration
	late      int
	samples   []sample
	err       error
}

// loadSpec describes a run: warm up, then measure for window. period > 0
// paces each user to one step per period (open loop, the schedule runs on
// its own clock); period == 0 sends the next step as soon as the answer
// to the previous one arrived (closed loop).
type loadSpec struct {
	warmup, window time.Duration
	period         time.Duration
	// ramp, open loop only: user i of n takes its first step at
	// (ramp+period)*i/n, so the offered rate grows linearly to its full
	// value over ramp+period.
	ramp    time.Duration
	timeout time.Duration
	// during, if set, runs in its own goroutine for the measuring window.
	during func(stop <-chan struct{})
}

// run drives every user until the window ends, then lets outstanding
// steps finish.
func (us *users) run(spec loadSpec) *result {
	start := time.Now()
	from := start.Add(spec.warmup)
	until := from.Add(spec.window)
	recs := make([]recorder, len(us.list))
	var wg sync.WaitGroup
	for i, u := range us.list {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rec := &recs[i]
			var next time.Time
			if spec.period > 0 {
				// Spread the users evenly over one period, joining over the ramp.
				n := int64(len(us.list))
				next = start.Add(time.Duration(int64(spec.ramp)*int64(i)/n + int64(spec.period)*int64(i)/n))
			}
			for {
				if spec.period > 0 {
					if d := time.Until(next); d > 0 {
						time.Sleep(d)
					}
				}
				now := time.Now()
				if !now.Before(until) {
					return
				}
				press := !u.atName
				sent, r, err := u.step(us.tg, spec.timeout)
				if err != nil {
					rec.err = err
					return
				}
				if !r.at.Before(from) && r.at.Before(until) {
					rec.steps++
					if !sent.Before(from) {
						rec.latencies = append(rec.latencies, r.at.Sub(sent))
						rec.samples = append(rec.samples, sample{sent: sent, latency: r.at.Sub(sent), press: press})
						if spec.period > 0 {
							intended := next
							if sent.Before(intended) {
								intended = sent
							}
							rec.intended = append(rec.intended, r.at.Sub(intended))
							if sent.Sub(next) > 10*time.Millisecond {
								rec.late++
							}
						}
					}
				}
				if spec.period > 0 {
					next = next.Add(spec.period)
				}
			}
		}()
	}
	if spec.during != nil {
		stop := make(chan struct{})
		done := make(chan struct{})
		go func() {
			time.Sleep(time.Until(from))
			spec.during(stop)
			close(done)
		}()
		time.Sleep(time.Until(until))
		close(stop)
		<-done
	}
	wg.Wait()
	res := &result{window: spec.window, from: from}
	for _, rec := range recs {
		res.steps += rec.steps
		res.latencies = append(res.latencies, rec.latencies...)
		res.intended = append(res.intended, rec.intended...)
		res.late += rec.late
		res.samples = append(res.samples, rec.samples...)
		if rec.err != nil {
			res.errors = append(res.errors, rec.err)
		}
	}
	slices.Sort(res.latencies)
	slices.Sort(res.intended)
	return res
}
