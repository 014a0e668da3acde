package flows

// Copy for the richer answer kinds, the review card and confirmations.
var (
	msgDoneButton    = Text{"Selesai ✅", "Done ✅"}
	msgSendButton    = Text{"✅ Kirim", "✅ Send"}
	msgEditButton    = Text{"✏️ Ubah", "✏️ Change"}
	msgConfirmButton = Text{"✅ Ya, benar", "✅ Yes, correct"}
	msgRetypeButton  = Text{"✏️ Ketik ulang", "✏️ Type again"}

	msgDeferredBehindWarning = Text{"⏸️ Jawab dulu peringatan di atas: tekan “Ya, benar” atau “Ketik ulang”. Pesan Anda berikutnya disimpan dan dipakai untuk pertanyaan selanjutnya.",
		"⏸️ Please answer the warning above first: tap “Yes, correct” or “Type again”. Your next messages are kept for the following questions."}
	msgUnknownButton = Text{"Tidak tahu", "Don't know"}
	msgAllZeroButton = Text{"Semua 0", "All 0"}
	msgShareLocation = Text{"📍 Kirim lokasi saat ini", "📍 Send current location"}
	msgBackToReview  = Text{"⬅️ Kembali ke ringkasan", "⬅️ Back to summary"}
	msgUnknown       = Text{"tidak tahu", "unknown"}

	msgToday            = Text{"Hari ini", "Today"}
	msgYesterday        = Text{"Kemarin", "Yesterday"}
	msgTomorrow         = Text{"Besok", "Tomorrow"}
	msgDayAfterTomorrow = Text{"Lusa", "In 2 days"}
	msgNextWeek         = Text{"Minggu depan", "Next week"}

	msgMultiHint = Text{"Ketuk semua yang sesuai, lalu tekan Selesai. Bisa juga ketik nomornya, mis. 1 3 5.",
		"Tap everything that applies, then Done. Or type the numbers, e.g. 1 3 5."}
	msgCountsHint = Text{"Ketik %d angka berurutan (%s), pisahkan dengan spasi. Tulis ? untuk yang belum diketahui.",
		"Type %d numbers in order (%s), separated by spaces. Write ? for any not known yet."}
	msgPhotosHint = Text{"Kirim foto (boleh beberapa sekaligus), lalu tekan Selesai.",
		"Send photos (several at once is fine), then tap Done."}
	msgLocationHint = Text{"Tekan “📍 Kirim lokasi saat ini” di bawah.",
		"Tap “📍 Send current location” below."}
	msgLocationHintWithName = Text{"Tekan “📍 Kirim lokasi saat ini”, atau ketik nama desa/kelurahan.",
		"Tap “📍 Send current location”, or type the village name."}

	msgNoneChosen        = Text{"Tidak ada", "None"}
	msgPickAtLeastOne    = Text{"Pilih minimal satu, lalu tekan Selesai.", "Pick at least one, then tap Done."}
	msgMultiUnreadable   = Text{"“%s” tidak ada di daftar. Ketik nomor pilihan, mis. 1 3 5.", "“%s” isn't in the list. Type the numbers, e.g. 1 3 5."}
	msgCountUnreadable   = Text{"Jumlahnya belum terbaca. Ketik angka saja, atau “tidak tahu”.", "I couldn't read a number. Type digits only, or “don't know”."}
	msgCountNegative     = Text{"Jumlah tidak bisa negatif.", "A count can't be negative."}
	msgCountTooLarge     = Text{"Angka itu terlalu besar (maksimal %d). Periksa lagi.", "That number is too large (at most %d). Please check."}
	msgCountsWrongNumber = Text{"Perlu %d angka (%s), Anda menulis %d.",
		"I need %d numbers (%s); you wrote %d."}

	msgDateUnreadable = Text{"Tanggalnya belum terbaca. Tulis tanggal/bulan/tahun, atau pakai tombol.",
		"I couldn't read that date. Write day/month/year, or use a button."}
	msgDateInFuture   = Text{"Tanggal itu belum terjadi. Periksa lagi.", "That date hasn't happened yet. Please check."}
	msgDateInPast     = Text{"Tanggal itu sudah lewat. Pilih hari ini atau setelahnya.", "That date has passed. Pick today or later."}
	msgDateTooOld     = Text{"Tanggal itu terlalu lama. Periksa tahunnya.", "That date is too long ago. Check the year."}
	msgTimeUnreadable = Text{"Jamnya belum terbaca. Tulis seperti 14.30 atau “jam 3 sore”.", "I couldn't read that time. Write it like 14.30 or “3 pm”."}

	msgLocationExpected = Text{"Tekan tombol “📍 Kirim lokasi saat ini”, atau ketik “lewati”.",
		"Tap “📍 Send current location”, or type “skip”."}
	msgLocationOrNameExpected = Text{"Tekan tombol “📍 Kirim lokasi saat ini”, ketik nama desa/kelurahan, atau ketik “lewati”.",
		"Tap “📍 Send current location”, type the village name, or type “skip”."}
	msgPhotosExpected = Text{"Kirim fotonya, lalu tekan Selesai.", "Send the photos, then tap Done."}
	msgPhotosNeedOne  = Text{"Kirim minimal satu foto dulu.", "Send at least one photo first."}
	msgPinKept        = Text{"📍 Lokasi disimpan; pertanyaan lokasi nanti dilewati.", "📍 Location saved; the location question later is skipped."}
	msgPhotosKept     = Text{"📷 Foto disimpan untuk formulir ini (maksimal %d); pertanyaan foto nanti dilewati.", "📷 Photos saved for this form (at most %d); the photo question later is skipped."}
	msgPhotosMax      = Text{"Maksimal %d foto. Foto berikutnya tidak disimpan; tekan Selesai.", "At most %d photos. Further photos aren't kept; tap Done."}
	msgPhotoReceived  = Text{"📷 Foto diterima (%d). Kirim foto lain, atau tekan Selesai.", "📷 Photo received (%d). Send another, or tap Done."}
	msgAlbumReceived  = Text{"📷 Foto-foto diterima. Kirim foto lain, atau tekan Selesai.", "📷 Photos received. Send more, or tap Done."}
	msgPhotoCount     = Text{"%d foto", "%d photos"}

	msgNIKLength = Text{"NIK harus 16 angka; yang Anda ketik %d angka.", "A NIK has 16 digits; you typed %d."}
	msgNIKDigits = Text{"NIK hanya berisi angka.", "A NIK contains digits only."}
	msgNIKDate   = Text{"Angka tanggal lahir di NIK (angka ke-7 sampai ke-12) tidak mungkin. Periksa lagi dari KTP/KK.",
		"The birth date inside the NIK (digits 7–12) is impossible. Check it against the ID card."}
	msgNIKSerial = Text{"Empat angka terakhir NIK tidak mungkin 0000. Periksa lagi.", "The last four digits of a NIK can't be 0000. Please check."}
	msgKKLength  = Text{"Nomor KK harus 16 angka; yang Anda ketik %d angka.", "A KK number has 16 digits; you typed %d."}
	msgKKInvalid = Text{"Nomor KK belum benar. Salin 16 angka dari Kartu Keluarga.", "That KK number isn't right. Copy the 16 digits from the family card."}

	msgReviewTitle   = Text{"Periksa sebelum dikirim", "Check before sending"}
	msgReviewHint    = Text{"Sudah benar? Tekan <b>Kirim</b>. Ada yang salah? Tekan <b>Ubah</b>.", "All correct? Tap <b>Send</b>. Something wrong? Tap <b>Change</b>."}
	msgReviewWaiting = Text{"Formulir ini tinggal dikirim. Ketik “kirim”, atau “ubah” untuk mengganti jawaban (mis. “ubah nama”).",
		"This form only needs sending. Type “send”, or “change” to change an answer (e.g. “change name”)."}
	msgSent      = Text{"📨 <b>Terkirim.</b>", "📨 <b>Sent.</b>"}
	msgPickField = Text{"Bagian mana yang ingin diubah? Tekan tombolnya, atau ketik namanya atau nomor urutnya.", "Which part do you want to change? Tap it, or type its name or position."}
	msgEditing   = Text{"✏️ Mengubah <b>%s</b> (sebelumnya: %s).", "✏️ Changing <b>%s</b> (was: %s)."}
)
