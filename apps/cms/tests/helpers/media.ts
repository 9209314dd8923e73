import sharp from 'sharp'

/** A real PNG, generated so tests need no binary fixtures. */
export const pngFile = async ({ width = 1600, height = 900, name = 'test.png' } = {}) => {
  const data = await sharp({
    create: { width, height, channels: 3, background: { r: 30, g: 90, b: 160 } },
  })
    .png()
    .toBuffer()
  return { data, mimetype: 'image/png', name, size: data.length }
}
