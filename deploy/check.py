"""`python -m deploy.check [DEPLOY_DIR]` (make check-deploy): the checks live in deploy/checks/."""
import sys

from deploy.checks import main

if __name__ == "__main__":
    sys.exit(main())
