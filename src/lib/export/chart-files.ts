import { download } from './csv';

/** A drawn chart as a standalone SVG file's text. */
function svgText(svg: SVGSVGElement): string {
	const copy = svg.cloneNode(true) as SVGSVGElement;
	copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
	return `<?xml version="1.0" encoding="UTF-8"?>\n${copy.outerHTML}`;
}

export function downloadSvg(svg: SVGSVGElement, name: string): void {
	download(`${name}.svg`, svgText(svg), 'image/svg+xml');
}

/** Draw the SVG onto a white canvas at twice its size and save it as PNG; nothing leaves the page. */
export async function downloadPng(svg: SVGSVGElement, name: string): Promise<void> {
	const width = Number(svg.getAttribute('width')) || svg.clientWidth;
	const height = Number(svg.getAttribute('height')) || svg.clientHeight;
	const url = URL.createObjectURL(new Blob([svgText(svg)], { type: 'image/svg+xml' }));
	try {
		const img = new Image();
		await new Promise<void>((resolve, reject) => {
			img.onload = () => resolve();
			img.onerror = () => reject(new Error('the chart could not be drawn as an image'));
			img.src = url;
		});
		const canvas = document.createElement('canvas');
		canvas.width = width * 2;
		canvas.height = height * 2;
		const ctx = canvas.getContext('2d')!;
		ctx.fillStyle = '#fff';
		ctx.fillRect(0, 0, canvas.width, canvas.height);
		ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
		const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
		if (!blob) throw new Error('the chart could not be saved as PNG');
		const png = URL.createObjectURL(blob);
		const a = Object.assign(document.createElement('a'), { href: png, download: `${name}.png` });
		document.body.append(a);
		a.click();
		a.remove();
		setTimeout(() => URL.revokeObjectURL(png), 1000);
	} finally {
		URL.revokeObjectURL(url);
	}
}
