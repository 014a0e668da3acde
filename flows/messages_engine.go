package flows

// Copy used by the conversation engine itself. Format verbs are filled by
// the engine; user-supplied values are escaped before they are inserted.
var (
	msgProgress     = Text{"Langkah %d/%d", "Step %d/%d"}
	msgOptionalHint = Text{"Boleh dilewati.", "You may skip this."}
	msgBackButton   = Text{"⬅️ Kembali", "⬅️ Back"}
	msgSkipButton   = Text{"Lewati ➡️", "Skip ➡️"}
	msgRetryButton  = Text{"🔁 Kirim ulang", "🔁 Send again"}
	msgSkipped      = Text{"(dilewati)", "(skipped)"}
	msgExample      = Text{"Contoh:", "Example:"}
	msgShareContact = Text{"📱 Kirim nomor saya", "📱 Send my number"}

	msgStaleButton = Text{"Tombol ini sudah tidak berlaku. Jawab pertanyaan terakhir di bawah.",
		"This button has expired. Please answer the latest question below."}
	msgAtFirstStep = Text{"Ini pertanyaan pertama.", "This is the first question."}
	msgCannotSkip  = Text{"Pertanyaan ini wajib dijawab.", "This question needs an answer."}
	msgFlowGone    = Text{"Formulir yang sedang Anda isi sudah tidak tersedia. Silakan mulai lagi dari menu.",
		"The form you were filling in is no longer available. Please start again from the menu."}

	msgPickFromList = Text{"Pilih salah satu tombol, atau ketik pilihannya, mis. “%s”.",
		"Tap one of the buttons, or type your choice, e.g. “%s”."}
	msgPickWhichOne = Text{"“%s” cocok dengan lebih dari satu pilihan: %s. Pilih salah satu tombol, atau ketik lebih lengkap.",
		"“%s” matches more than one choice: %s. Tap one of the buttons, or type more of it."}
	msgTextEmpty = Text{"Jawaban belum terbaca. Mohon ketik jawabannya dengan huruf.",
		"I couldn't read an answer. Please type it in letters."}
	msgTextTooShort = Text{"Jawaban terlalu pendek (minimal %d huruf).",
		"That answer is too short (at least %d characters)."}
	msgTextTooLong = Text{"Jawaban terlalu panjang: maksimal %d huruf, pesan Anda %d huruf. Mohon dipersingkat.",
		"That answer is too long: at most %d characters, yours has %d. Please shorten it."}
	msgLookupBadQuery = Text{"Ketik nama tempatnya saja, cukup beberapa kata.",
		"Type just the name, a few words are enough."}
	msgLookupNothing = Text{"Tidak ditemukan yang cocok dengan “%s”. Periksa ejaannya atau ketik sebagian namanya saja.",
		"Nothing matches “%s”. Check the spelling or type part of the name."}
	msgLookupPick = Text{"Pilih yang sesuai (atau ketik nama lain untuk mencari lagi):",
		"Pick the right one (or type another name to search again):"}

	msgPhoneInvalid = Text{"Nomor HP belum benar. Tekan tombol “📱 Kirim nomor saya”, atau ketik nomor Indonesia yang diawali 08 atau +62.",
		"That phone number isn't valid. Tap “📱 Send my number”, or type an Indonesian number starting with 08 or +62."}
	msgContactNotOwn = Text{"Itu kontak orang lain. Kirim nomor Anda sendiri dengan tombol “📱 Kirim nomor saya”.",
		"That is someone else's contact. Send your own number with “📱 Send my number”."}

	msgGotSticker = Text{"Stiker belum bisa saya baca sebagai jawaban 🙂 Mohon ketik jawabannya.",
		"I can't read a sticker as an answer 🙂 Please type it."}
	msgGotVoice = Text{"Pesan suara belum bisa saya dengarkan. Mohon ketik jawabannya.",
		"I can't listen to voice notes yet. Please type your answer."}
	msgGotPhoto = Text{"Foto belum diperlukan di pertanyaan ini. Mohon ketik jawabannya.",
		"This question doesn't take a photo. Please type your answer."}
	msgGotLocation = Text{"Lokasi belum diperlukan di pertanyaan ini. Mohon ketik jawabannya.",
		"This question doesn't take a location. Please type your answer."}
	msgGotContact = Text{"Kontak belum diperlukan di pertanyaan ini. Mohon ketik jawabannya.",
		"This question doesn't take a contact. Please type your answer."}
	msgGotOther = Text{"Jenis pesan ini belum bisa saya baca. Mohon ketik jawabannya.",
		"I can't read this kind of message. Please type your answer."}

	msgSubmitFailed = Text{"⚠️ Maaf, data belum bisa disimpan karena gangguan server. Jawaban Anda aman tersimpan — tekan “Kirim ulang” sebentar lagi.",
		"⚠️ Sorry, your data couldn't be saved because of a server problem. Your answers are safe — tap “Send again” in a moment."}
	msgSubmitPending = Text{"Semua pertanyaan sudah terjawab, tinggal dikirim. Tekan “Kirim ulang”, atau /batal untuk membatalkan.",
		"All questions are answered; it only needs sending. Tap “Send again”, or /batal to cancel."}
)
