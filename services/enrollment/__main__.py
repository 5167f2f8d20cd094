from campus.cli import main

main("enrollment")
