"""The opsbench tokenizer (OpsKit TextTokenizer) in Python, used as scikit-learn's
pre-tokenised analyzer so that both sides weight exactly the same terms:
Latin/digit runs become lower-cased words, CJK runs become character unigrams
then overlapping bigrams, anything else separates tokens."""
import unicodedata


def is_cjk(ch):
    v = ord(ch)
    return (0x3040 <= v <= 0x30FF or 0x3400 <= v <= 0x4DBF or 0x4E00 <= v <= 0x9FFF
            or 0xAC00 <= v <= 0xD7A3 or 0xF900 <= v <= 0xFAFF or 0x20000 <= v <= 0x2FA1F
            or 0x31F0 <= v <= 0x31FF)


def is_word(ch):
    return ch.isalpha() or ch.isnumeric() or ch == "_"


def tokens(text):
    out, word, run = [], [], []

    def flush_word():
        if word:
            out.append("".join(word).lower())
            word.clear()

    def flush_cjk():
        if run:
            out.extend(run)
            out.extend(run[i] + run[i + 1] for i in range(len(run) - 1))
            run.clear()

    for ch in text:
        if is_cjk(ch):
            flush_word()
            run.append(ch)
        elif is_word(ch):
            flush_cjk()
            word.append(ch)
        elif word and unicodedata.category(ch) == "Mn":
            word.append(ch)
        else:
            flush_word()
            flush_cjk()
    flush_word()
    flush_cjk()
    return out
