import { Router } from "express";

const r = Router();

r.get("/repos", async (_req, res) => {
  const gh = await fetch("https://api.github.com/user/repos", {
    headers: {
      Authorization: `Bearer ${process.env.GITHUB_TOKEN}`,
      Accept: "application/vnd.github+json",
    },
  });
  res.json(await gh.json());
});

r.get("/me", async (req, res) => {
  const auth = req.get("Authorization");
  if (!auth?.startsWith("Bearer ")) return res.sendStatus(401);
  res.json({ ok: true });
});

export default r;
