"""How checkable the data is: which fact rows have evidence, and which of their numbers and dates a
machine finds in the excerpts that support them.

A number counts as found when an excerpt supporting its column gives it in digits (with or without
thousands separators) or, up to one hundred, in words or as an ordinal ("the tenth package"); a
date when an excerpt gives it in a form sources use (23 April 2026, April 23, 2026, Sept. 23, 23rd
April, 23.04.2026, 2026-04-23, an agency's date line "18 авг" or "08 GIU -", a span of days
"23-24 April 2026", and the day-month forms of the other languages our sources are written in:
23. April 2026, 23 avril 2026, 23 de abril de 2026, 23 апреля 2026, 23 квітня 2026, 23 kwietnia
2026, ...), or without the year when the year is the one its source was published in (its
`published_on`, or else the year its address dates it by: /2024/07/24/, /2024-07-24, /20240724/).
A weekday ("said on Wednesday"), "today" or "yesterday" gives a day too when the source's own date
is known (its `published_on`, or the full date in its address): the latest such weekday on or
before that date, the date itself, the day before.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
import pandas as pd

from pressure_tracker.schema.spec import RECORD_ID_SEPARATOR, Spec

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
# Month names as other languages write them after a day number (Russian, Ukrainian and the other
# Slavic languages in the genitive), and how a day and a month are joined: {d} the day, {m} the
# month. "a|b" gives a month two spellings, "a_b" a name of two words.
OTHER_MONTHS = {
    "de": (
        "{d}. {m}",
        "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    ),
    "fr": (
        "{d} {m}",
        "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    ),
    "es": (
        "{d} de {m}",
        "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    ),
    "pt": (
        "{d} de {m}",
        "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
    ),
    "it": (
        "{d} {m}",
        "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
    ),
    "ro": (
        "{d} {m}",
        "ianuarie februarie martie aprilie mai iunie iulie august septembrie octombrie noiembrie"
        " decembrie",
    ),
    "tr": ("{d} {m}", "Ocak Şubat Mart Nisan Mayıs Haziran Temmuz Ağustos Eylül Ekim Kasım Aralık"),
    "ru": (
        "{d} {m}",
        "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
    ),
    # RIA Novosti and Sputnik date lines shorten the month: "МОСКВА, 18 авг - РИА Новости".
    "ru-short": ("{d} {m}", "янв фев мар апр мая июн июл авг сен окт ноя дек"),
    "uk": (
        "{d} {m}",
        "січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня",
    ),
    "pl": (
        "{d} {m}",
        "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada"
        " grudnia",
    ),
    "cs": (
        "{d}. {m}",
        "ledna února března dubna května června července srpna září října listopadu prosince",
    ),
    "sk": (
        "{d}. {m}",
        "januára februára marca apríla mája júna júla augusta septembra októbra novembra decembra",
    ),
    "sl": (
        "{d}. {m}",
        "januarja februarja marca aprila maja junija julija avgusta septembra oktobra novembra"
        " decembra",
    ),
    "bg": (
        "{d} {m}",
        "януари февруари март април май юни юли август септември октомври ноември декември",
    ),
    "el": (
        "{d} {m}",
        "Ιανουαρίου Φεβρουαρίου Μαρτίου Απριλίου Μαΐου Ιουνίου Ιουλίου Αυγούστου Σεπτεμβρίου"
        " Οκτωβρίου Νοεμβρίου Δεκεμβρίου",
    ),
    "lv": (
        "{d}. {m}",
        "janvārī februārī martā aprīlī maijā jūnijā jūlijā augustā septembrī oktobrī novembrī"
        " decembrī",
    ),
    "id": (
        "{d} {m}",
        "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember",
    ),
    "hi": (
        "{d} {m}",
        "जनवरी फरवरी|फ़रवरी मार्च अप्रैल मई जून जुलाई अगस्त सितंबर|सितम्बर अक्टूबर नवंबर|नवम्बर दिसंबर|दिसम्बर",
    ),
    "no": (
        "{d}. {m}",
        "januar februar mars april mai juni juli august september oktober november desember",
    ),
    "da": (
        "{d}. {m}",
        "januar februar marts april maj juni juli august september oktober november december",
    ),
    # Arabic writes the month by its Egyptian or its Levantine name, often both: "8 حزيران/ يونيو".
    "ar": (
        "{d} {m}",
        "يناير فبراير مارس أبريل|ابريل مايو يونيو يوليو أغسطس|اغسطس سبتمبر أكتوبر|اكتوبر نوفمبر ديسمبر",
    ),
    "ar-levant": (
        "{d} {m}",
        "كانون_الثاني شباط آذار نيسان أيار حزيران تموز آب أيلول تشرين_الأول تشرين_الثاني كانون_الأول",
    ),
    # Hungarian puts the month first: "március 31."
    "hu": (
        "{m} {d}",
        "január február március április május június július augusztus szeptember október november"
        " december",
    ),
}
# Italian agencies shorten the month in their date lines, followed by a full stop or a dash:
# "Roma, 2 ott. (askanews)", "ISTANBUL, 08 GIU - ". Portuguese writes "14.mai.2025". Alone, such
# short names are ordinary words ("3 out of 5"), so only these exact forms count.
IT_SHORT = ["gen", "feb", "mar", "apr", "mag", "giu", "lug", "ago", "set", "ott", "nov", "dic"]
PT_SHORT = ["jan", "fev", "mar", "abr", "mai", "jun", "jul", "ago", "set", "out", "nov", "dez"]
# A span of days, "24-25 March 2022", "24 and 25 March", "March 23-25, 2025", "Feb. 4 - 5", "de 26
# a 28 de junho": written out as its first and last day so that both are found.
DAY_SPAN = re.compile(
    r"(?<![\d.,/-])(\d{1,2})\s*(?:-|–|—|and|to|a|и|і|та)\s*(\d{1,2})(\.?\s+(?:de\s+)?)"
    r"([^\W\d_]+\.?)(\s*,?\s*(?:de\s+)?\d{4}(?!\d))?"
)
MONTH_SPAN = re.compile(
    r"(?<![^\W\d_])([^\W\d_]{3,}\.?\s*)(\d{1,2})\s*(?:-|–|—|and|to)\s*(\d{1,2})(?!\d)(?![.,/]\d)"
    r"(,?\s+\d{4}(?!\d))?"
)
UNITS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
TENS = {
    20: "twenty",
    30: "thirty",
    40: "forty",
    50: "fifty",
    60: "sixty",
    70: "seventy",
    80: "eighty",
    90: "ninety",
}
# The numbers that are checked: counts and package numbers; and every date column of a fact table.
NUMBER_COLUMNS = {"quantity", "reported_total", "value", "number"}


ORDINAL_UNITS = [
    "zeroth",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
]


def number_words(n: int) -> set[str]:
    """A count in words, and as an ordinal (packages are numbered: "the tenth package")."""
    return _cardinal_words(n) | _ordinal_words(n)


def _ordinal_words(n: int) -> set[str]:
    if n < 20:
        return {ORDINAL_UNITS[n]}
    if n < 100 and n % 10 == 0:
        return {TENS[n][:-1] + "ieth"}
    if n < 100:
        tens, unit = TENS[n - n % 10], ORDINAL_UNITS[n % 10]
        return {f"{tens}-{unit}", f"{tens} {unit}"}
    return set()


def _cardinal_words(n: int) -> set[str]:
    if n < 20:
        return {UNITS[n]}
    if n == 100:
        return {"hundred", "one hundred", "a hundred"}
    if n < 100:
        tens, unit = TENS[n - n % 10], n % 10
        return {tens} if unit == 0 else {f"{tens}-{UNITS[unit]}", f"{tens} {UNITS[unit]}"}
    return set()


# Small counts in the words of the other languages sources use (German, French, Norwegian).
OTHER_NUMBER_WORDS = {
    "de": "eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf",
    "fr": "un deux trois quatre cinq six sept huit neuf dix onze douze",
    "no": "en to tre fire fem seks sju åtte ni ti elleve tolv",
}


def number_found(value: float, excerpt: str) -> bool:
    digits, words = _number_patterns(value)
    return bool(digits.search(excerpt) or (words is not None and words.search(excerpt)))


@functools.lru_cache(maxsize=8192)
def _number_patterns(value: float) -> tuple[re.Pattern[str], re.Pattern[str] | None]:
    """One pattern of the digit forms of a value and one of its words, made once per value."""
    if value != int(value):  # 47.6 is written 47.6, 47.60 or 47,60
        forms = {str(value), f"{value:.2f}"}
        forms |= {f.replace(".", ",") for f in forms}
        return _any_of(forms, r"(?<![\d.,])", r"(?!\d)"), None
    n = int(value)
    digits = {
        str(n),
        f"{n:,}",
        f"{n:,}".replace(",", " "),
        f"{n:,}".replace(",", "."),
        f"{n:,}".replace(",", "\u00a0"),
        f"{n:,}".replace(",", "\u202f"),
    }
    words = number_words(n)
    if 1 <= n <= 12:
        words |= {names.split()[n - 1] for names in OTHER_NUMBER_WORDS.values()}
        words -= {"en", "un", "ni", "to"} if n > 1 else {"en", "un"}  # also common words
    pattern = _any_of(words, r"\b", r"\b", re.IGNORECASE) if words else None
    return _any_of(digits, r"(?<![\d.,])", r"(?!\d)"), pattern


def _any_of(forms: set[str], before: str, after: str, flags: int = 0) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return re.compile(f"{before}(?:{alternatives}){after}", flags)


def date_forms(day: pd.Timestamp, with_year: bool = True) -> set[str]:
    month = MONTHS[day.month - 1]
    short = month[:3]
    ordinal = f"{day.day}{_ordinal_suffix(day.day)}"
    forms = {
        f"{day.day} {month}",
        f"{ordinal} {month}",
        f"{ordinal} of {month}",
        f"{ordinal} day of {month}",  # a regulation's making clause: "At Wellington this 9th day of May 2022"
        f"{month} {day.day}",
        f"{month} {ordinal}",
        f"{day.day} {short}",
        f"{ordinal} {short}",
        f"{short}. {day.day}",
        f"{short} {day.day}",
    }
    if day.month == 9:  # news agencies write September "Sept." or "Sept"
        forms |= {f"Sept. {day.day}", f"Sept {day.day}"}
    forms.add(f"{short}.{day.day}")  # "Oct.11, 2022"
    # Some date lines pad the day: "May 07, 2024", "02 December 2025", "09 अगस्त", "08 GIU".
    days = (str(day.day), f"{day.day:02d}") if day.day < 10 else (str(day.day),)
    forms |= {form for d in days for form in (f"{month} {d}", f"{short} {d}", f"{d} {month}")}
    other, year_first = set(), set()
    for join, names in OTHER_MONTHS.values():
        for name in names.split()[day.month - 1].replace("_", " ").split("|"):
            other |= {join.format(d=d, m=name) for d in days}
            if join.startswith("{m}"):  # Hungarian: "2022. március 31."
                year_first |= {f"{day.year}. {join.format(d=d, m=name)}" for d in days}
            if join.startswith("{d} ") and day.day == 1:
                other.add(f"1er {name}")  # French writes the first of the month "1er"
    short_it = IT_SHORT[day.month - 1]
    other |= {f"{d} {short_it}{end}" for d in days for end in (".", " -", " –")}
    # Japanese and Chinese write 2022年2月24日, Korean 2022년 2월 24일.
    other |= {f"{day.month}月{day.day}日", f"{day.month}월 {day.day}일"}
    if not with_year:
        return forms | other
    other_dated = {
        f"{day.year}年{day.month}月{day.day}日",
        f"{day.year}년 {day.month}월 {day.day}일",
    }
    dated = {f"{f} {day.year}" for f in forms} | {f"{f}, {day.year}" for f in forms}
    dated |= {f"{f} {day.year}" for f in other} | {f"{f} de {day.year}" for f in other}
    dated |= other_dated | year_first
    if day.day > 12:  # 25/02/2023 cannot be read as a month-first date, 03/04/2022 could
        dated |= {
            f"{day.day:02d}/{day.month:02d}/{day.year}",
            f"{day.day:02d}-{day.month:02d}-{day.year}",  # "Updated: 29-03-2022 18:49 IST"
        }
        # The US order, month first, with the year in four digits or two: "(Brussels, 12/19/25)".
        dated |= {
            f"{m}/{day.day}/{y}"
            for m in (str(day.month), f"{day.month:02d}")
            for y in (day.year, f"{day.year % 100:02d}")
        }
    return dated | {
        f"{day.day:02d}.{day.month:02d}.{day.year}",
        f"{day.day}.{day.month}.{day.year}",
        f"{day.day:02d}.{day.month:02d}.{day.year % 100:02d}",  # "10:27, 28.02.22"
        f"{day.day}.{PT_SHORT[day.month - 1]}.{day.year}",  # "14.mai.2025"
        day.strftime("%Y-%m-%d"),
    }


def _ordinal_suffix(n: int) -> str:
    if 10 < n % 100 < 14:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


# A page address that dates the page: /2024/07/24/, /2024/7/2, /2024-07-24, /20240724/, the
# People's Daily /2024/0724/, /2022/mar/24/ (The Washington Times, The New Indian Express), or a
# whole day anywhere between non-digits (Reuters ends its addresses with -2024-07-24/, Nippon.com
# names a page reu20240724KBN).
DATED_ADDRESS = re.compile(
    r"/(20[2-3]\d)(?:[/-](?:0?[1-9]|1[0-2])(?:[/-]|$)|/?(?:0[1-9]|1[0-2])[0-3]\d(?:[/-]|$)"
    r"|/(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/[0-3]?\d(?:/|$))"
    r"|(?<![0-9])(20[2-3]\d)([-_]?)(?:0[1-9]|1[0-2])\3(?:0[1-9]|[12]\d|3[01])(?![0-9])"
)


# A page's full date in its address: /2024/07/24/, /2024-07-24, /20240724/, /2024/0724/, with
# the month and day unpadded between slashes (/2025/8/19/, Al Jazeera), or the month named
# (/2022/aug/25/, The Washington Times; /2025/Aug/19/, The New Indian Express).
DAY_ADDRESS = re.compile(
    r"(?<![0-9])(20[2-3]\d)[/_-]?(0[1-9]|1[0-2])[/_-]?(0[1-9]|[12]\d|3[01])(?![0-9])"
    r"|/(20[2-3]\d)/([1-9]|1[0-2]|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"/([1-9]|[12]\d|3[01])(?:/|$)",
    re.IGNORECASE,
)
# Words that name a day relative to the page's own date: weekdays (the latest such day on or
# before it), today and yesterday, in the languages most of our sources are written in. Russian
# and Ukrainian weekdays in the accusative that follows "в"/"у" ("в среду", "у п'ятницю"); a
# typographic apostrophe is read as a straight one.
WEEKDAYS = (
    "monday tuesday wednesday thursday friday saturday sunday",
    "понедельник вторник среду четверг пятницу субботу воскресенье",
    "понеділок вівторок середу четвер п'ятницю суботу неділю",
    "montag dienstag mittwoch donnerstag freitag samstag|sonnabend sonntag",
    "lundi mardi mercredi jeudi vendredi samedi dimanche",
    "lunes martes miércoles jueves viernes sábado domingo",
    "الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت الأحد",
)
DAYS_BACK = {
    **dict.fromkeys(("today", "сегодня", "сьогодні", "днес", "heute", "aujourd'hui", "hoy"), 0),
    **dict.fromkeys(("yesterday", "вчера", "вчора", "учора", "gestern", "ayer"), 1),
}
WEEKDAY_NUMBER = {
    name: number
    for names in WEEKDAYS
    for number, spellings in enumerate(names.split())
    for name in spellings.split("|")
}
RELATIVE_DAY = re.compile(
    r"(?<![^\W\d_])("
    + "|".join(sorted({*WEEKDAY_NUMBER, *DAYS_BACK}, key=len, reverse=True))
    + r")(?![^\W\d_])"
)


def source_day(published: pd.Timestamp | None, url: object) -> dt.date | None:
    """The day a source was published: its published_on, or else the full date its address gives."""
    if published is not None and not pd.isna(published):
        return published.date()
    match = DAY_ADDRESS.search(url) if isinstance(url, str) else None
    if not match:
        return None
    year, month, day = match.groups()[:3] if match[1] else match.groups()[3:]
    number = (
        int(month) if month.isdigit() else [m[:3] for m in MONTHS].index(month.capitalize()) + 1
    )
    try:
        return dt.date(int(year), number, int(day))
    except ValueError:  # /2025/02/30/: numbers shaped like a date that is none
        return None


def source_year(published: pd.Timestamp | None, url: object) -> int | None:
    """The year a source was published in: its published_on, or else the year its address gives."""
    if published is not None and not pd.isna(published):
        return int(published.year)
    match = DATED_ADDRESS.search(url) if isinstance(url, str) else None
    return int(match.group(1) or match.group(2)) if match else None


def date_found(
    day: pd.Timestamp, excerpt: str, year: int | None, published: dt.date | None = None
) -> bool:
    """Whether the excerpt gives the day; without its year only when the source is of that year;
    as a weekday, "today" or "yesterday" only when the source's own date makes it that day."""
    text = _with_spans_written_out(excerpt.lower())
    if any(_stands_alone(text, form) for form in _date_forms(day.date(), year == day.year)):
        return True
    return published is not None and day.date() in relative_days(excerpt, published)


def relative_days(excerpt: str, published: dt.date) -> set[dt.date]:
    """The days an excerpt names by a weekday ("said on Wednesday": the latest Wednesday on or
    before the page's date), "today" or "yesterday", read against the page's own date."""
    days = set()
    text = excerpt.lower().replace("’", "'").replace("russia today", "")  # RT's name, not a day
    for word in RELATIVE_DAY.findall(text):
        if word in DAYS_BACK:
            days.add(published - dt.timedelta(days=DAYS_BACK[word]))
        else:
            back = (published.weekday() - WEEKDAY_NUMBER[word]) % 7
            days.add(published - dt.timedelta(days=back))
    return days


@functools.lru_cache(maxsize=16384)
def _with_spans_written_out(text: str) -> str:
    """The text followed by each span of days written as its first and last day ("24-25 march
    2022" adds "24 march 2022" and "25 march 2022"); the text itself is kept as it is."""
    days = [f"{m[i]}{m[3]}{m[4]}{m[5] or ''}" for m in DAY_SPAN.finditer(text) for i in (1, 2)] + [
        f"{m[1]}{m[i]}{m[4] or ''}" for m in MONTH_SPAN.finditer(text) for i in (2, 3)
    ]
    return "\n".join([text, *days])


@functools.lru_cache(maxsize=8192)
def _date_forms(day: dt.date, same_year: bool) -> tuple[str, ...]:
    """Every form of a date in lower case (and its forms without the year when the source's year is
    the date's), made once per date: a build checks thousands of cells. Plain strings, not one
    compiled pattern: compiling a pattern of a hundred forms per date cost more than the search."""
    stamp = pd.Timestamp(day)
    forms = date_forms(stamp) | (date_forms(stamp, with_year=False) if same_year else set())
    return tuple({unicodedata.normalize("NFC", f.lower()) for f in forms})  # excerpts are NFC


def _stands_alone(text: str, form: str) -> bool:
    """Whether the form occurs in the text with no digit just before or just after it."""
    start = text.find(form)
    while start != -1:
        end = start + len(form)
        if not (start and text[start - 1].isdigit()) and not (
            end < len(text) and text[end].isdigit()
        ):
            return True
        start = text.find(form, start + 1)
    return False


# A source's year and its full date, when known: what an excerpt's day and weekday are read against.
Dating = tuple[int | None, dt.date | None]


@dataclass(frozen=True)
class Cell:
    table: str
    record_id: str
    column: str
    value: str
    found: bool


def _record_ids(frame: pd.DataFrame, key: list[str]) -> pd.Series:
    return (
        frame[key].astype(str).agg(RECORD_ID_SEPARATOR.join, axis=1)
        if len(key) > 1
        else frame[key[0]].astype(str)
    )


def checked_cells(spec: Spec, frames: dict[str, pd.DataFrame]) -> Iterator[Cell]:
    """Every filled number and date of a fact row that has evidence, found or not."""
    held = set(
        zip(
            frames["evidence"]["table_name"].astype(str),
            frames["evidence"]["record_id"],
            strict=True,
        )
    )
    evidence = frames["evidence"].merge(frames["evidence_columns"], on="evidence_id")
    sources = frames["sources"]
    dating = {
        source: (source_year(published, url), source_day(published, url))
        for source, published, url in zip(
            sources["source_id"].tolist(),
            sources["published_on"].tolist(),
            sources["url"].tolist(),
            strict=True,
        )
    }
    excerpts: dict[tuple[str, str, str], list[tuple[str, Dating]]] = defaultdict(list)
    # Plain lists: iterating the frame's arrow-backed columns value by value cost half the time.
    for table, record, column, excerpt, source in zip(
        evidence["table_name"].astype(str).tolist(),
        evidence["record_id"].tolist(),
        evidence["column_name"].astype(str).tolist(),
        evidence["excerpt"].tolist(),
        evidence["source_id"].tolist(),
        strict=True,
    ):
        excerpts[(table, record, column)].append((excerpt, dating.get(source, (None, None))))
    for table in spec.tables["evidence"].field("table_name").constraints.enum or ():
        frame, key = frames[table], list(spec.tables[table].primary_key)
        columns = [
            f for f in spec.tables[table].fields if f.type == "date" or f.name in NUMBER_COLUMNS
        ]
        if not columns:
            continue
        ids = _record_ids(frame, key)
        with_evidence = np.array([(table, record) in held for record in ids.tolist()], dtype=bool)
        # Column by column, as plain lists: building a Series for each row cost most of the time.
        values = [frame[f.name][with_evidence].tolist() for f in columns]
        for record, row in zip(ids[with_evidence], zip(*values, strict=True), strict=True):
            for field, value in zip(columns, row, strict=True):
                if pd.isna(value):
                    continue
                supporting = excerpts.get((table, record, field.name), [])
                if field.type == "date":
                    found = any(
                        date_found(value, text, year, day) for text, (year, day) in supporting
                    )
                    shown = f"{value:%Y-%m-%d}"
                else:
                    found = any(number_found(float(value), text) for text, _ in supporting)
                    shown = f"{float(value):g}"
                yield Cell(table, record, field.name, shown, found)


def _fact_rows(spec: Spec, table: str, frame: pd.DataFrame) -> pd.DataFrame:
    """The rows of a fact table that state a fact: all but the gaps `evidence_not_needed` names."""
    gap = spec.package.evidence_not_needed.get(table)
    return frame[frame[gap].notna()] if gap else frame


def evidenced(spec: Spec, frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """One row per fact row: its table, its record ID and whether any evidence supports it."""
    held = set(
        zip(
            frames["evidence"]["table_name"].astype(str),
            frames["evidence"]["record_id"],
            strict=True,
        )
    )
    parts = []
    for table in spec.tables["evidence"].field("table_name").constraints.enum or ():
        facts = _fact_rows(spec, table, frames[table])
        ids = _record_ids(facts, list(spec.tables[table].primary_key))
        parts.append(pd.DataFrame({"table_name": table, "record_id": ids.to_numpy()}))
    rows = pd.concat(parts, ignore_index=True)
    return rows.assign(
        has_evidence=[
            (t, r) in held for t, r in zip(rows["table_name"], rows["record_id"], strict=True)
        ]
    )


def coverage(spec: Spec, frames: dict[str, pd.DataFrame]) -> list[tuple[str, int, int, str]]:
    """Per fact table: rows that state a fact, those with at least one piece of evidence, and
    the share."""
    rows = []
    tables = spec.tables["evidence"].field("table_name").constraints.enum or ()
    held: dict[str, set[str]] = {}
    for table, record in zip(
        frames["evidence"]["table_name"].astype(str), frames["evidence"]["record_id"], strict=True
    ):
        held.setdefault(table, set()).add(record)
    for table in tables:
        facts = _fact_rows(spec, table, frames[table])
        ids = set(_record_ids(facts, list(spec.tables[table].primary_key)))
        with_evidence = len(ids & held.get(table, set()))
        rows.append(
            (table, len(ids), with_evidence, f"{with_evidence / len(ids):.1%}" if ids else "-")
        )
    return rows


def found_shares(cells: list[Cell]) -> list[tuple[str, str, int, int, str]]:
    """Per table and column: values in rows with evidence, values found in their excerpts, share."""
    counts: dict[tuple[str, str], list[int]] = {}
    for cell in cells:
        tally = counts.setdefault((cell.table, cell.column), [0, 0])
        tally[0] += 1
        tally[1] += cell.found
    return [(t, c, n, f, f"{f / n:.1%}") for (t, c), (n, f) in sorted(counts.items())]
