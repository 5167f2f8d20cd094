from campus.cli import main

main("tracking")
