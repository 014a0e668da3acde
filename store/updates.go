package store

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/redis/go-redis/v9"
)

// Telegram may deliver an update more than once: getUpdates resends
// everything after the last confirmed offset after a crash, and a webhook
// is retried when it answers late or with an error. The ledger records
// every update id, so each is handled once even across replicas.
const (
	// updateClaimTTL bounds how long a crashed worker's claim blocks a
	// redelivery; it is longer than handling one update may take.
	updateClaimTTL = 90 * time.Second
	// updateDoneTTL outlives Telegram's own 24 h retention of updates.
	updateDoneTTL = 24 * time.Hour

	updateStateClaimed = "p"
	updateStateDone    = "done"
)

// updateReleaseScript deletes a claim but never a "done" mark, so a late
// Release cannot make a handled update look new again.
var updateReleaseScript = redis.NewScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then
	return redis.call('DEL', KEYS[1])
end
return 0`)

// UpdateLedger records which Telegram updates are being handled or were
// handled, in Redis under <prefix>upd:<update_id>.
type UpdateLedger struct {
	rdb    *redis.Client
	prefix string
}

// NewUpdateLedger returns a ledger whose keys start with prefix.
func NewUpdateLedger(rdb *redis.Client, prefix string) *UpdateLedger {
	return &UpdateLedger{rdb: rdb, prefix: prefix}
}

// Claim marks the update as in progress. It returns false, without error,
// when the update is already claimed by another worker or already done;
// Finished tells the two apart. A claim expires after 90 s, so an update
// whose worker died is handled again on its next delivery.
func (l *UpdateLedger) Claim(ctx context.Context, updateID int64) (bool, error) {
	ok, err := l.rdb.SetNX(ctx, l.key(updateID), updateStateClaimed, updateClaimTTL).Result()
	if err != nil {
		return false, fmt.Errorf("store: claim update %d: %w", updateID, err)
	}
	return ok, nil
}

// Finished reports whether the update was marked done.
func (l *UpdateLedger) Finished(ctx context.Context, updateID int64) (bool, error) {
	state, err := l.rdb.Get(ctx, l.key(updateID)).Result()
	if errors.Is(err, redis.Nil) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("store: read update %d: %w", updateID, err)
	}
	return state == updateStateDone, nil
}

// Done marks the update handled for 24 hours, longer than Telegram keeps
// undelivered updates.
func (l *UpdateLedger) Done(ctx context.Context, updateID int64) error {
	if err := l.rdb.Set(ctx, l.key(updateID), updateStateDone, updateDoneTTL).Err(); err != nil {
		return fmt.Errorf("store: mark update %d done: %w", updateID, err)
	}
	return nil
}

// Release drops a claim after a failure that should be retried, so the
// redelivery is handled at once instead of after the claim expires. An
// update already marked done stays done.
func (l *UpdateLedger) Release(ctx context.Context, updateID int64) error {
	if err := updateReleaseScript.Run(ctx, l.rdb, []string{l.key(updateID)}, updateStateClaimed).Err(); err != nil {
		return fmt.Errorf("store: release update %d: %w", updateID, err)
	}
	return nil
}

func (l *UpdateLedger) key(updateID int64) string {
	return l.prefix + "upd:" + strconv.FormatInt(updateID, 10)
}
