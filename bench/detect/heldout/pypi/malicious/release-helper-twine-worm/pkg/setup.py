from setuptools import setup
setup(name="release-notes-helper", version="0.7.3", packages=["release_notes_helper"],
      entry_points={"console_scripts": ["release-notes=release_notes_helper.cli:main"]})
