#!/usr/bin/env python3
"""Writes src/Babelcast.Core/Scripture/versification-kjv.tsv: the 66 books of the Protestant canon with their
OSIS id, English name, the name SWORD prints, and the number of verses in each chapter, read from the KJV module
(engKJV2006eb, KJV versification) through diatheke. Run once at development time; the output is checked in.
Usage: python3 scripts/generate-versification.py > src/Babelcast.Core/Scripture/versification-kjv.tsv"""
import re
import subprocess
import sys

BOOKS = [
    ("Gen", "Genesis"), ("Exod", "Exodus"), ("Lev", "Leviticus"), ("Num", "Numbers"), ("Deut", "Deuteronomy"),
    ("Josh", "Joshua"), ("Judg", "Judges"), ("Ruth", "Ruth"), ("1Sam", "1 Samuel"), ("2Sam", "2 Samuel"),
    ("1Kgs", "1 Kings"), ("2Kgs", "2 Kings"), ("1Chr", "1 Chronicles"), ("2Chr", "2 Chronicles"), ("Ezra", "Ezra"),
    ("Neh", "Nehemiah"), ("Esth", "Esther"), ("Job", "Job"), ("Ps", "Psalms"), ("Prov", "Proverbs"),
    ("Eccl", "Ecclesiastes"), ("Song", "Song of Solomon"), ("Isa", "Isaiah"), ("Jer", "Jeremiah"),
    ("Lam", "Lamentations"), ("Ezek", "Ezekiel"), ("Dan", "Daniel"), ("Hos", "Hosea"), ("Joel", "Joel"),
    ("Amos", "Amos"), ("Obad", "Obadiah"), ("Jonah", "Jonah"), ("Mic", "Micah"), ("Nah", "Nahum"),
    ("Hab", "Habakkuk"), ("Zeph", "Zephaniah"), ("Hag", "Haggai"), ("Zech", "Zechariah"), ("Mal", "Malachi"),
    ("Matt", "Matthew"), ("Mark", "Mark"), ("Luke", "Luke"), ("John", "John"), ("Acts", "Acts"),
    ("Rom", "Romans"), ("1Cor", "1 Corinthians"), ("2Cor", "2 Corinthians"), ("Gal", "Galatians"),
    ("Eph", "Ephesians"), ("Phil", "Philippians"), ("Col", "Colossians"), ("1Thess", "1 Thessalonians"),
    ("2Thess", "2 Thessalonians"), ("1Tim", "1 Timothy"), ("2Tim", "2 Timothy"), ("Titus", "Titus"),
    ("Phlm", "Philemon"), ("Heb", "Hebrews"), ("Jas", "James"), ("1Pet", "1 Peter"), ("2Pet", "2 Peter"),
    ("1John", "1 John"), ("2John", "2 John"), ("3John", "3 John"), ("Jude", "Jude"), ("Rev", "Revelation"),
]
VERSE = re.compile(r"^(?P<book>.+?) (?P<c>\d+):(?P<v>\d+): ", re.M)

print("# osis\tname\tsword name\tverses per chapter (KJV versification, from engKJV2006eb via diatheke;"
      " scripts/generate-versification.py)")
for osis, name in BOOKS:
    out = subprocess.run(["diatheke", "-b", "engKJV2006eb", "-f", "plain", "-k", name],
                         capture_output=True, text=True, check=True, timeout=60).stdout
    counts = {}
    sword = None
    for m in VERSE.finditer(out):
        sword = sword or m.group("book")
        c, v = int(m.group("c")), int(m.group("v"))
        counts[c] = max(counts.get(c, 0), v)
    if not counts or sorted(counts) != list(range(1, max(counts) + 1)):
        sys.exit(f"unexpected chapters for {name}")
    print(f"{osis}\t{name}\t{sword}\t{','.join(str(counts[c]) for c in sorted(counts))}")
